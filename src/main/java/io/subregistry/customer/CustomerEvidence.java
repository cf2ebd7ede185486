package io.subregistry.customer;

import java.time.Instant;
import java.util.List;

/**
 * What a legal team sends a customer's auditor: every version that concerned the customer,
 * what it changed, when notice was due, when each contact was told (with the Message-ID), who
 * acknowledged it, and the customer's objections with their resolutions.
 */
public record CustomerEvidence(CustomerView customer, Instant generatedAt, List<Entry> versions) {

    public record Entry(int version, String summary, Instant publishedAt, Instant effectiveAt, String emergencyReason,
                        List<String> changes, int noticePeriodDays, int givenDays, Instant dueBy,
                        ObligationStatus status, Instant notifiedAt, Instant acknowledgedAt, String acknowledgedBy,
                        List<ObligationReport.ContactNotice> notices, List<Objection> objections) {
    }

    public record Objection(String email, Instant receivedAt, List<String> subprocessors, String reason, String outcome,
                            String resolutionNote, String resolvedBy, Instant resolvedAt) {
    }

}
