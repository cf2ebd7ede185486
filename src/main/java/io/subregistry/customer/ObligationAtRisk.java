package io.subregistry.customer;

import java.util.UUID;

/**
 * Fired (in the status job's transaction) when an obligation becomes AT_RISK: the seam where
 * other channels, such as webhooks, can warn someone before the due date passes.
 */
public record ObligationAtRisk(int version, UUID customerId) {
}
