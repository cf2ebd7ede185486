package io.subregistry.registry.version;

import java.time.Duration;
import java.time.Instant;

/**
 * A version's metadata, detached from persistence.
 *
 * @param withdrawal set when the version was withdrawn before it took effect: it then never takes effect
 */
public record VersionHeader(int number, Instant publishedAt, Instant effectiveAt, String summary, String publisher,
                            String emergencyReason, int noticePeriodDays, int entryCount, String previousHash,
                            String hash, Withdrawal withdrawal) {

    /** Why, when and by whom an upcoming version was withdrawn. */
    public record Withdrawal(Instant at, String by, String reason) {
    }

    static VersionHeader of(Version version, Withdrawal withdrawal) {
        return new VersionHeader(version.number, version.publishedAt, version.effectiveAt, version.summary,
                version.publisher, version.emergencyReason, version.noticePeriodDays, version.entryCount,
                version.previousHash, version.hash, withdrawal);
    }

    /** The header of a version being written, from the values that were written. */
    static VersionHeader of(VersionContent content, String previousHash, String hash) {
        return new VersionHeader(content.number(), content.publishedAt(), content.effectiveAt(), content.summary(),
                content.publisher(), content.emergencyReason(), content.noticePeriodDays(), content.snapshot().size(),
                previousHash, hash, null);
    }

    /** Whether the version is in force (or was) by {@code moment}; a withdrawn version never is. */
    public boolean isEffectiveAt(Instant moment) {
        return withdrawal == null && !effectiveAt.isAfter(moment);
    }

    public boolean isWithdrawn() {
        return withdrawal != null;
    }

    /** An emergency: published with a reason to take effect sooner than its notice period. */
    public boolean isEmergency() {
        return emergencyReason != null;
    }

    /** Whether the version took effect the moment it was published (an emergency, or "today"). */
    public boolean tookEffectAtPublish() {
        return !effectiveAt.isAfter(publishedAt);
    }

    /**
     * Until when subscribers may object. Normally the effective date (the notice period runs
     * before it). An emergency takes effect early, but the DPA's objection (or termination)
     * right does not shrink with it: it runs for the version's notice period from publication.
     */
    public Instant objectionDeadline() {
        if (!isEmergency()) {
            return effectiveAt;
        }
        Instant afterNotice = publishedAt.plus(Duration.ofDays(noticePeriodDays));
        return afterNotice.isAfter(effectiveAt) ? afterNotice : effectiveAt;
    }
}
