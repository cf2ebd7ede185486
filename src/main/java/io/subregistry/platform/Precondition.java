package io.subregistry.platform;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * An If-Match precondition (RFC 9110). Changes must name the revision they were made from: an
 * absent header and {@code *} (which matches whatever is there) name none and are refused.
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
                .collect(Collectors.toUnmodifiableSet()));
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

    @Override
    public String toString() {
        return String.join(", ", new TreeSet<>(tags));
    }
}
