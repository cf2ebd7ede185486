package io.subregistry.registry.version;

import io.subregistry.diff.Diff;

/**
 * Fired inside the publishing transaction, after the version is written: observers (notices)
 * do their part in the same transaction, so a version is never published without them.
 */
public record VersionPublished(VersionHeader version, Diff diff) {
}
