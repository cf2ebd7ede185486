package io.subregistry.customer;

import java.time.Instant;

/**
 * What an acknowledge link stands for: a customer's notice of one version, the customer's
 * objection deadline, and whether (and by whom) receipt was acknowledged.
 */
public record AcknowledgementView(int version, String summary, Instant effectiveAt, String customer,
                                  Instant objectionDeadline, Instant acknowledgedAt, String acknowledgedBy) {
}
