package io.subregistry.customer;

import java.time.Duration;
import java.time.Instant;

/** The arithmetic of a contract's notice, in one place (plain Java, unit-tested). */
public final class NoticeTerms {

    private NoticeTerms() {
    }

    /** The last moment a customer with this notice period can be notified of a change effective then. */
    public static Instant dueBy(Instant effectiveAt, int noticePeriodDays) {
        return effectiveAt.minus(Duration.ofDays(noticePeriodDays));
    }

    /** Whole days of notice from publishing to taking effect, rounded down. */
    public static int givenDays(Instant publishedAt, Instant effectiveAt) {
        return (int) Math.max(0, Duration.between(publishedAt, effectiveAt).toDays());
    }

    /** Whether publishing now for that effective date gives less notice than the contract promises. */
    public static boolean breaches(Instant publishedAt, Instant effectiveAt, int noticePeriodDays) {
        return dueBy(effectiveAt, noticePeriodDays).isBefore(publishedAt);
    }
}
