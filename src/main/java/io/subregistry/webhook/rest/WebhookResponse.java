package io.subregistry.webhook.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.subregistry.webhook.WebhookEndpoint;
import io.subregistry.webhook.WebhookOutbox.AttemptRow;
import io.subregistry.webhook.WebhookOutbox.DeliveryRow;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** An endpoint as the API shows it; the secret appears only in the answers to registration and rotation. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookResponse(UUID id, String url, List<String> events, UUID customerId, String description,
                              String status, int consecutiveFailures, Instant disabledAt, String disabledReason,
                              Instant createdAt, String createdBy, Instant secretRotatedAt, String secret,
                              List<Delivery> deliveries) {

    /** A delivery of one event to this endpoint, with every attempt. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Delivery(UUID id, String eventId, String event, Integer version, String status, int attempts,
                           Instant queuedAt, Instant nextAttemptAt, Instant deliveredAt, Integer lastStatusCode,
                           String lastError, List<Attempt> attemptLog) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Attempt(int attempt, Instant at, Integer statusCode, int latencyMs, String response, String error) {
    }

    public static WebhookResponse of(WebhookEndpoint endpoint) {
        return of(endpoint, null, null);
    }

    public static WebhookResponse withSecret(WebhookEndpoint endpoint, String secret) {
        return of(endpoint, secret, null);
    }

    public static WebhookResponse withDeliveries(WebhookEndpoint endpoint, List<DeliveryRow> deliveries,
                                                 List<AttemptRow> attempts) {
        Map<UUID, List<Attempt>> byDelivery = attempts.stream().collect(Collectors.groupingBy(AttemptRow::deliveryId,
                Collectors.mapping(a -> new Attempt(a.attempt(), a.startedAt(), a.statusCode(), a.latencyMillis(),
                        a.response(), a.error()), Collectors.toList())));
        return of(endpoint, null, deliveries.stream().map(d -> new Delivery(d.id(), d.eventId(), d.eventType(),
                d.version(), d.status(), d.attempts(), d.queuedAt(), d.nextAttemptAt(), d.deliveredAt(), d.lastStatus(),
                d.lastError(), byDelivery.getOrDefault(d.id(), List.of()))).toList());
    }

    private static WebhookResponse of(WebhookEndpoint e, String secret, List<Delivery> deliveries) {
        return new WebhookResponse(e.id, e.url, List.of(e.events), e.customerId, e.description, e.status.name(),
                e.consecutiveFailures, e.disabledAt, e.disabledReason, e.createdAt, e.createdBy, e.secretRotatedAt,
                secret, deliveries);
    }
}
