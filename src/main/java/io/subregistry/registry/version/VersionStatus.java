package io.subregistry.registry.version;

/** Where a version stands today. */
public enum VersionStatus {
    /** Published, its effective date still ahead. */
    UPCOMING,
    /** The list in force now. */
    CURRENT,
    /** Replaced by a newer version that is in force. */
    SUPERSEDED,
    /** Withdrawn before it took effect: kept as published, never in force. */
    WITHDRAWN
}
