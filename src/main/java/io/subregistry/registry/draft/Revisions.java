package io.subregistry.registry.draft;

import java.util.Set;

/**
 * The entity tags of the draft and its parts. An edit of one entry may name either that entry's
 * tag or the whole draft's: a client that read the whole draft and saw nothing change since is
 * as safe as one that read the entry.
 */
public final class Revisions {

    private Revisions() {
    }

    public static String ofDraft(long revision) {
        return "\"d" + revision + "\"";
    }

    public static String ofEntry(long revision) {
        return "\"e" + revision + "\"";
    }

    public static String ofSection(long revision) {
        return "\"s" + revision + "\"";
    }

    /** Whether a tag has the shape of one this draft hands out ("d7", "e3", "s0"). */
    public static boolean isDraftTag(String tag) {
        return tag.matches("\"[des]\\d{1,18}\"");
    }

    /**
     * An If-Match precondition. Changes to the draft must name the revision they were made from:
     * an absent header and {@code *} (which matches whatever is there) name none and are refused.
     */
    public record Precondition(Set<String> tags) {

        public static final Precondition NONE = new Precondition(Set.of());

        public static Precondition parse(String header) {
            if (header == null || header.isBlank()) {
                return NONE;
            }
            return new Precondition(Set.of(header.split("\\s*,\\s*")).stream()
                    .map(String::strip).filter(tag -> !tag.isEmpty())
                    .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
                    .collect(java.util.stream.Collectors.toUnmodifiableSet()));
        }

        public static Precondition of(String tag) {
            return new Precondition(Set.of(tag));
        }

        /** Whether it names at least one revision. */
        public boolean namesARevision() {
            return !tags.isEmpty() && !tags.contains("*");
        }

        /** Whether it names one of the current tags. Naming none allows nothing. */
        public boolean allows(String... currentTags) {
            for (String current : currentTags) {
                if (tags.contains(current)) {
                    return true;
                }
            }
            return false;
        }

        /** Whether every tag it names has a shape this draft could ever have handed out. */
        public boolean isWellFormed() {
            return tags.stream().allMatch(Revisions::isDraftTag);
        }

        @Override
        public String toString() {
            return String.join(", ", new java.util.TreeSet<>(tags));
        }
    }
}
