package io.subregistry.notice.objection;

/**
 * Why no objection can be recorded behind a link, as a kind that pages word in the reader's
 * language; {@link ObjectionForm#closedBecause()} says it in English for the API.
 */
public enum ClosedReason {
    /** The version was withdrawn: it will not take effect. */
    WITHDRAWN,
    /** The objection deadline of the version passed. */
    DEADLINE_PASSED,
    /** The subscriber unsubscribed or was removed. */
    SUBSCRIPTION_ENDED,
    /** The version adds no sub-processor. */
    NOTHING_ADDED,
    /** This subscriber objected already. */
    YOU_OBJECTED,
    /** Another contact of the same customer objected already (one objection per organisation). */
    ORGANISATION_OBJECTED
}
