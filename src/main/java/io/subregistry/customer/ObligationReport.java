package io.subregistry.customer;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Every customer a version obliges: its due date, when it was notified and acknowledged, and each contact's notice. */
public record ObligationReport(int version, Map<ObligationStatus, Long> totals, List<Obligation> obligations) {

    public record Obligation(UUID customerId, String name, String reference, int noticePeriodDays, Instant dueBy,
                             int givenDays, Instant notifiedAt, Instant acknowledgedAt, String acknowledgedBy,
                             ObligationStatus status, List<ContactNotice> contacts) {
    }

    /** A contact and its announcement of the version (no announcement: only the contact). */
    public record ContactNotice(String email, CustomerView.ContactStatus status, String kind, String noticeStatus,
                                Instant sentAt, String messageId) {
    }
}
