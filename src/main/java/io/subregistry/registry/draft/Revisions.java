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

    /** An If-Match precondition: empty = none given; "*" = any current representation. */
    public record Precondition(Set<String> tags) {

        public static final Precondition NONE = new Precondition(Set.of());

        public static Precondition parse(String header) {
            if (header == null || header.isBlank()) {
                return NONE;
            }
            return new Precondition(Set.of(header.split("\\s*,\\s*")).stream()
                    .map(String::strip).map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
                    .collect(java.util.stream.Collectors.toUnmodifiableSet()));
        }

        public boolean isGiven() {
            return !tags.isEmpty();
        }

        public boolean allows(String... currentTags) {
            if (!isGiven() || tags.contains("*")) {
                return true;
            }
            for (String current : currentTags) {
                if (tags.contains(current)) {
                    return true;
                }
            }
            return false;
        }
    }
}
