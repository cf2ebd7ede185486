package io.subregistry.notice.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * When to try a failed notice again: the base delay doubled per attempt, capped, plus up to
 * 10% jitter (derived from the notice id, so it is stable and testable) so that a batch that
 * failed together does not retry in lockstep.
 */
public record Backoff(Duration base, Duration max, int maxAttempts) {

    /** The next attempt's time, or null when {@code attemptsMade} used up the budget. */
    public Instant next(UUID notice, int attemptsMade, Instant now) {
        if (attemptsMade >= maxAttempts) {
            return null;
        }
        long factor = 1L << Math.min(attemptsMade - 1, 30);
        long delayMillis = Math.min(max.toMillis(), base.toMillis() * factor);
        long jitter = Math.floorMod(notice.hashCode(), 1000) * delayMillis / 10_000;
        return now.plusMillis(delayMillis + jitter);
    }
}
