package io.subregistry.registry.version;

import io.subregistry.registry.Snapshot;

import java.time.Instant;

/** Everything a version's hash covers: its metadata and its full snapshot. */
public record VersionContent(
        int number,
        Instant publishedAt,
        Instant effectiveAt,
        String summary,
        String publisher,
        String emergencyReason,
        int noticePeriodDays,
        Snapshot snapshot) {
}
