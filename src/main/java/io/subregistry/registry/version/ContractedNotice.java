package io.subregistry.registry.version;

import io.subregistry.diff.Diff;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Customers' contracts as far as publishing cares (the customer feature provides them): a
 * publish may not give a customer less notice than its contract promises unless it is an
 * emergency, and then the version records every contract it breached.
 */
public interface ContractedNotice {

    /** A contract an emergency publish breached: the notice it requires and the whole days it got. */
    record Breach(UUID customerId, int requiredDays, int givenDays) {
    }

    /**
     * Called in the publishing transaction before anything is written: refuses (422, naming the
     * binding customers) a version that gives a customer in scope less notice than its contract,
     * unless {@code emergencyReason} is set.
     */
    void check(Diff diff, Instant publishedAt, Instant effectiveAt, String emergencyReason);

    /** The contracts a version breached (empty for most). */
    List<Breach> breachesOf(int version);
}
