package io.subregistry.registry.version;

import io.subregistry.diff.ChangeType;

import java.util.Map;

/**
 * What a publish wrote, as it wrote it: callers answer from this instead of reading the new
 * version back (its header, the timeline or the change counts).
 */
public record PublishedVersion(VersionHeader header, VersionStatus status, Map<ChangeType, Integer> changes) {

    public int number() {
        return header.number();
    }
}
