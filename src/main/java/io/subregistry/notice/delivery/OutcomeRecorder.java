package io.subregistry.notice.delivery;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.subregistry.notice.NoticeRepository;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Writes what happened to a batch of notices, even through a short database outage (a restart,
 * a failover): mails that went out must not be sent again because their success could not be
 * written. Each attempt is a new transaction; a failed one is retried with exponential backoff
 * (0.5 s doubling to 5 s) until {@code giveUpAt}, which the caller keeps inside the lease
 * (registry.notices.record-retry). See docs/ARCHITECTURE.md, "The dispatcher".
 */
@ApplicationScoped
public class OutcomeRecorder {

    private static final Logger LOG = Logger.getLogger(OutcomeRecorder.class);

    private final NoticeRepository notices;

    public OutcomeRecorder(NoticeRepository notices) {
        this.notices = notices;
    }

    /** A notice that was not delivered: tried again at {@code retryAt}, or FAILED for good when that is null. */
    public record Failure(UUID notice, String error, Instant retryAt) {

        public boolean isFinal() {
            return retryAt == null;
        }
    }

    /** The outcomes of one batch, every retry time already decided. */
    public record Outcomes(List<NoticeRepository.Sent> sent, List<UUID> released, List<Failure> failures) {
    }

    /** The database stayed out of reach until the deadline; the lease will hand the notices to another try. */
    public static class GaveUp extends RuntimeException {
        GaveUp(RuntimeException cause) {
            super("could not record notice outcomes: " + cause.getMessage(), cause);
        }
    }

    /*
     * The transaction is begun here rather than with @Transactional(REQUIRES_NEW): the transaction
     * interceptor runs outside the fault-tolerance one, so every retry would land in the same
     * (broken) transaction.
     */
    @Retry(maxRetries = -1, delay = 500, jitter = 0, maxDuration = 1, durationUnit = ChronoUnit.HOURS,
            abortOn = GaveUp.class)
    @ExponentialBackoff(factor = 2, maxDelay = 5000)
    public void record(String owner, Outcomes outcomes, Instant giveUpAt) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                notices.recordSent(owner, outcomes.sent());
                notices.release(owner, outcomes.released());
                for (Failure failure : outcomes.failures()) {
                    notices.recordFailure(owner, failure.notice(), failure.error(), failure.retryAt());
                }
            });
        } catch (RuntimeException e) {
            if (!Instant.now().isBefore(giveUpAt)) {
                throw new GaveUp(e);
            }
            LOG.warnf("Could not record notice outcomes (%s); trying again", e.getMessage());
            throw e;
        }
    }
}
