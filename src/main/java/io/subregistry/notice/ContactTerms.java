package io.subregistry.notice;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What a customer's contract says about the notices to its contacts: the customer feature
 * provides it, so that the notice path knows contracts without depending on them.
 */
public interface ContactTerms {

    /** A customer and a version. */
    record Key(UUID customerId, int version) {
    }

    /**
     * A contract's terms for one version: the notice it requires and the notice it was given
     * ({@code waived}: an emergency publish gave less), and its own objection window, if any.
     */
    record Terms(String customer, int requiredDays, int givenDays, boolean waived, Integer objectionWindowDays,
                 Instant notifiedAt, Instant acknowledgedAt) {

        /** Objections close at the effective date, or earlier when the contract's window from notice ends first. */
        public Instant objectionDeadline(Instant effectiveAt, Instant notifiedOrNow) {
            if (objectionWindowDays == null) {
                return effectiveAt;
            }
            Instant windowEnd = (notifiedAt == null ? notifiedOrNow : notifiedAt).plus(java.time.Duration.ofDays(objectionWindowDays));
            return windowEnd.isBefore(effectiveAt) ? windowEnd : effectiveAt;
        }
    }

    /** The terms of the given customers and versions; keys without an obligation are absent. */
    Map<Key, Terms> of(Collection<Key> keys);

    default Optional<Terms> of(UUID customerId, int version) {
        return Optional.ofNullable(of(java.util.List.of(new Key(customerId, version))).get(new Key(customerId, version)));
    }
}
