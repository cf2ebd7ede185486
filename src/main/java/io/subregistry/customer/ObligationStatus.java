package io.subregistry.customer;

/** Where a customer's notice of one version stands (docs/DESIGN.md, "Obligation"). */
public enum ObligationStatus {
    /** Queued, still in time. */
    PENDING,
    /** A contact was notified by the due date. */
    NOTIFIED,
    /** A contact was notified, after the due date. */
    LATE,
    /** The due date is within the risk lead and nobody was notified yet, or the customer has no live contact. */
    AT_RISK,
    /** The due date passed without notice. */
    BREACHED,
    /** An emergency publish gave less notice than the contract; the version records why. */
    WAIVED
}
