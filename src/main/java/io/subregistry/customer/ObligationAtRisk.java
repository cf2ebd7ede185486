package io.subregistry.customer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * Fired (in the status job's transaction) when an obligation becomes AT_RISK: the seam where
 * other channels, such as webhooks, can warn someone before the due date passes.
 */
public record ObligationAtRisk(int version, UUID customerId, String customerName, Instant dueBy) {

    /** A stable id of the obligation (it is keyed by version and customer), for events that name it. */
    public UUID obligationId() {
        return UUID.nameUUIDFromBytes(("obligation:" + version + ":" + customerId).getBytes(StandardCharsets.UTF_8));
    }
}
