package io.subregistry.customer;

import java.time.Instant;
import java.util.List;

/**
 * What a legal team sends a customer's auditor: every version that concerned the customer,
 * what it changed, when notice was due, when each contact was told (with the Message-ID), each
 * delivery of the version's {@code version.published} event to the customer's own webhook
 * endpoints (an accepted one is notice too), who acknowledged it, and the customer's objections
 * with their resolutions.
 */
public record CustomerEvidence(CustomerView customer, Instant generatedAt, List<Entry> versions) {

    public record Entry(int version, String summary, Instant publishedAt, Instant effectiveAt, String emergencyReason,
                        List<String> changes, int noticePeriodDays, int givenDays, Instant dueBy,
                        ObligationStatus status, Instant notifiedAt, Instant acknowledgedAt, String acknowledgedBy,
                        List<ObligationReport.ContactNotice> notices, List<WebhookNotice> webhooks,
                        List<Objection> objections) {
    }

    /**
     * The version's {@code version.published} event to one of the customer's endpoints: its
     * {@code webhook-id}, the delivery's status, when a 2xx came ({@code deliveredAt}), the attempts and
     * the last HTTP status.
     */
    public record WebhookNotice(String url, String webhookId, String deliveryStatus, Instant deliveredAt, int attempts,
                                Integer lastHttpStatus) {
    }

    public record Objection(String email, Instant receivedAt, List<String> subprocessors, String reason, String outcome,
                            String resolutionNote, String resolvedBy, Instant resolvedAt) {
    }

}
