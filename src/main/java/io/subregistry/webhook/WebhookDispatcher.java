package io.subregistry.webhook;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.subregistry.audit.AuditAction;
import io.subregistry.audit.AuditLog;
import io.subregistry.notice.delivery.Backoff;
import io.subregistry.platform.InstanceIdentity;
import io.subregistry.webhook.WebhookOutbox.Claimed;
import io.subregistry.webhook.WebhookOutbox.Outcome;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

/**
 * Sends due webhook deliveries: claims a batch under a lease, checks each destination again
 * (DNS may have changed since registration), signs and posts them a few dozen at a time, and
 * records every attempt. An endpoint that fails {@code max-failures} times in a row is disabled.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);

    private final WebhookOutbox outbox;
    private final WebhookSender sender;
    private final DestinationPolicy policy;
    private final WebhookConfig config;
    private final AuditLog audit;
    private final Clock clock;
    private final String owner;
    private final Backoff backoff;

    public WebhookDispatcher(WebhookOutbox outbox, WebhookSender sender, DestinationPolicy policy, WebhookConfig config,
                             AuditLog audit, Clock clock, InstanceIdentity instance) {
        this.outbox = outbox;
        this.sender = sender;
        this.policy = policy;
        this.config = config;
        this.audit = audit;
        this.clock = clock;
        this.owner = instance.name();
        this.backoff = new Backoff(config.retryBaseDelay(), config.retryMaxDelay(), config.maxAttempts());
    }

    /** What a round did. */
    public record Round(int claimed, int delivered, int retrying, int failed) {
        Round plus(Round other) {
            return new Round(claimed + other.claimed, delivered + other.delivered, retrying + other.retrying,
                    failed + other.failed);
        }
    }

    /** Rounds until nothing is due. */
    public Round deliverDue() {
        Round total = new Round(0, 0, 0, 0);
        Round round;
        do {
            round = deliver(null);
            total = total.plus(round);
        } while (round.claimed() > 0);
        return total;
    }

    /** Sends one delivery now, if it is due (a test ping); the outcome is recorded as for any other. */
    public Round deliverNow(UUID delivery) {
        return deliver(delivery);
    }

    private Round deliver(UUID only) {
        Instant now = Instant.now(clock);
        List<Claimed> claimed = QuarkusTransaction.requiringNew()
                .call(() -> outbox.claim(owner, now, now.plus(config.lease()), config.batchSize(), only));
        if (claimed.isEmpty()) {
            return new Round(0, 0, 0, 0);
        }
        List<Outcome> outcomes = send(claimed);
        return QuarkusTransaction.requiringNew().call(() -> record(outcomes));
    }

    private List<Outcome> send(List<Claimed> claimed) {
        Semaphore slots = new Semaphore(Math.max(1, config.concurrency()));
        List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<Void>> inFlight = new ArrayList<>();
        for (Claimed delivery : claimed) {
            Instant started = Instant.now(clock);
            Destination destination;
            try {
                destination = policy.check(delivery.url());
            } catch (DestinationPolicy.Refused refused) {
                outcomes.add(outcome(delivery, started, new HttpAttempt(null, 0, null, "refused: " + refused.getMessage())));
                continue;
            }
            slots.acquireUninterruptibly();
            long timestamp = started.getEpochSecond();
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("webhook-id", delivery.eventId());
            headers.put("webhook-timestamp", Long.toString(timestamp));
            headers.put("webhook-signature", signatures(delivery, timestamp));
            inFlight.add(sender.post(destination, headers, delivery.payload()).toCompletableFuture()
                    .thenAccept(attempt -> outcomes.add(outcome(delivery, started, attempt)))
                    .whenComplete((ignored, failure) -> slots.release()));
        }
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
        return List.copyOf(outcomes);
    }

    /** The current secret's signature, and the previous one's while it is still honoured after a rotation. */
    private static String signatures(Claimed delivery, long timestamp) {
        String current = WebhookSignature.sign(new WebhookSecret(delivery.secret()), delivery.eventId(), timestamp,
                delivery.payload());
        if (delivery.previousSecret() == null) {
            return current;
        }
        return current + " " + WebhookSignature.sign(new WebhookSecret(delivery.previousSecret()), delivery.eventId(),
                timestamp, delivery.payload());
    }

    private Outcome outcome(Claimed delivery, Instant started, HttpAttempt attempt) {
        boolean delivered = attempt.accepted();
        Instant next = delivered ? null : backoff.next(delivery.id(), delivery.attempt(), Instant.now(clock));
        String error = delivered ? null
                : attempt.error() != null ? attempt.error() : "answered " + attempt.statusCode();
        return new Outcome(delivery.id(), delivery.endpointId(), delivery.attempt(), started, attempt.statusCode(),
                attempt.latencyMillis(), attempt.response(), error, delivered, next);
    }

    private Round record(List<Outcome> outcomes) {
        Instant now = Instant.now(clock);
        outbox.record(owner, outcomes, now);
        outbox.resetFailures(outcomes.stream().filter(Outcome::delivered).map(Outcome::endpointId).distinct().toList());
        int delivered = 0;
        int retrying = 0;
        int failed = 0;
        for (Outcome outcome : outcomes) {
            if (outcome.delivered()) {
                delivered++;
                continue;
            }
            if (outcome.next() == null) {
                failed++;
            } else {
                retrying++;
            }
            int failures = outbox.countFailure(outcome.endpointId());
            if (failures >= config.maxFailures() && outbox.disable(outcome.endpointId(),
                    failures + " consecutive failed attempts; the last: " + outcome.error(), now)) {
                LOG.warnf("Webhook endpoint %s disabled after %d consecutive failed attempts", outcome.endpointId(), failures);
                audit.record("system", AuditAction.WEBHOOK_DISABLED, "webhook " + outcome.endpointId(),
                        Map.of("consecutiveFailures", failures, "lastError", outcome.error()));
            }
        }
        return new Round(outcomes.size(), delivered, retrying, failed);
    }
}
