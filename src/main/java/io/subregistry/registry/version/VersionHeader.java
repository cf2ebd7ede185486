package io.subregistry.registry.version;

import java.time.Instant;

/** A version's metadata, detached from persistence. */
public record VersionHeader(int number, Instant publishedAt, Instant effectiveAt, String summary, String publisher,
                            String emergencyReason, int noticePeriodDays, int entryCount, String previousHash,
                            String hash) {

    static VersionHeader of(Version version) {
        return new VersionHeader(version.number, version.publishedAt, version.effectiveAt, version.summary,
                version.publisher, version.emergencyReason, version.noticePeriodDays, version.entryCount,
                version.previousHash, version.hash);
    }

    /** The header of a version being written, from the values that were written. */
    static VersionHeader of(VersionContent content, String previousHash, String hash) {
        return new VersionHeader(content.number(), content.publishedAt(), content.effectiveAt(), content.summary(),
                content.publisher(), content.emergencyReason(), content.noticePeriodDays(), content.snapshot().size(),
                previousHash, hash);
    }

    public boolean isEffectiveAt(Instant moment) {
        return !effectiveAt.isAfter(moment);
    }
}
