package io.subregistry.registry.draft;

import io.subregistry.platform.Precondition;

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

    /** Whether every tag a precondition names has a shape this draft could ever have handed out. */
    public static boolean isWellFormed(Precondition precondition) {
        return precondition.tags().stream().allMatch(Revisions::isDraftTag);
    }
}
