package io.subregistry.diff;

/** What happened to one sub-processor (or one section) between two snapshots, in reading order. */
public enum ChangeType {
    SECTION_ADDED,
    SECTION_MODIFIED,
    ADDED,
    MOVED,
    MODIFIED,
    REMOVED,
    SECTION_REMOVED
}
