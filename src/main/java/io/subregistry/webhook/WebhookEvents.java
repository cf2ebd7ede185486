package io.subregistry.webhook;

import io.subregistry.customer.ObligationAtRisk;
import io.subregistry.registry.version.VersionHeader;
import io.subregistry.registry.version.VersionPublished;
import io.subregistry.registry.version.VersionQueries;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Turns what happens in the registry into webhook events and queues their deliveries in the
 * same transaction: a version is never published without its version.published deliveries.
 */
@ApplicationScoped
public class WebhookEvents {

    private static final Logger LOG = Logger.getLogger(WebhookEvents.class);

    private final WebhookOutbox outbox;
    private final WebhookPayloads payloads;
    private final VersionQueries versions;
    private final Clock clock;

    public WebhookEvents(WebhookOutbox outbox, WebhookPayloads payloads, VersionQueries versions, Clock clock) {
        this.outbox = outbox;
        this.payloads = payloads;
        this.versions = versions;
        this.clock = clock;
    }

    /** In the publish transaction, after the signer (the body carries the signature). */
    void onPublished(@Observes @Priority(Interceptor.Priority.APPLICATION + 900) VersionPublished event) {
        Instant now = Instant.now(clock);
        VersionHeader version = event.version();
        String id = newId();
        if (outbox.addEvent(id, WebhookEventType.VERSION_PUBLISHED, version.number(), null,
                payloads.published(version, now), now)) {
            int queued = outbox.queueForSubscribers(id, WebhookEventType.VERSION_PUBLISHED, null, version.number(), now, now);
            if (queued > 0) {
                LOG.infof("Version %d published: %d webhook delivery(ies) queued", version.number(), queued);
            }
        }
    }

    /** Emits version.effective for versions that took effect; safe with several instances (one event per version). */
    @Transactional
    public int queueEffective() {
        Instant now = Instant.now(clock);
        int events = 0;
        for (int number : outbox.effectiveWithoutEvent(now)) {
            VersionHeader version = versions.require(number);
            String id = newId();
            if (outbox.addEvent(id, WebhookEventType.VERSION_EFFECTIVE, number, null, payloads.effective(version, now), now)) {
                outbox.queueForSubscribers(id, WebhookEventType.VERSION_EFFECTIVE, null, number, version.effectiveAt(), now);
                events++;
            }
        }
        return events;
    }

    /**
     * obligation.at_risk, once per obligation, in the status job's transaction: to the registry's
     * endpoints and to the customer's own.
     */
    void onAtRisk(@Observes ObligationAtRisk event) {
        Instant now = Instant.now(clock);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("obligationId", event.obligationId().toString());
        data.put("customerId", event.customerId().toString());
        if (event.customerName() != null) {
            data.put("customerName", event.customerName());
        }
        data.put("version", event.version());
        data.put("dueBy", event.dueBy());
        data.put("status", "AT_RISK");
        data.put("reason", "No contact of this customer has been notified yet, or none is reachable, and the notice is due by "
                + event.dueBy() + ".");
        String id = newId();
        if (outbox.addEvent(id, WebhookEventType.OBLIGATION_AT_RISK, event.version(), event.obligationId().toString(),
                payloads.atRisk(data, now), now)) {
            outbox.queueForSubscribers(id, WebhookEventType.OBLIGATION_AT_RISK, List.of(event.customerId()), null, now, now);
        }
    }

    /** A ping for one endpoint; returns the delivery's id. */
    @Transactional
    public UUID ping(UUID endpoint) {
        Instant now = Instant.now(clock);
        String id = newId();
        outbox.addEvent(id, WebhookEventType.PING, null, null, payloads.ping(endpoint.toString(), now), now);
        return outbox.queueFor(endpoint, id, now);
    }

    /** The webhook-id: unique per event, the same on every endpoint and every retry. */
    static String newId() {
        return "msg_" + UUID.randomUUID().toString().replace("-", "");
    }
}
