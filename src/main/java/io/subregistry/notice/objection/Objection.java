package io.subregistry.notice.objection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** A subscriber's objection to sub-processors an upcoming version adds, and legal's resolution of it. */
@Entity
@Table(name = "objection")
public class Objection {

    /** How legal staff settled an objection. */
    public enum Outcome {
        /** The objection is accepted: the change is reconsidered or the customer is accommodated. */
        UPHELD,
        /** The change goes ahead; the customer keeps its contractual remedies (e.g. termination). */
        REJECTED,
        /** The customer withdrew the objection. */
        WITHDRAWN
    }

    @Id
    public UUID id;

    @Column(name = "subscriber_id")
    public UUID subscriberId;

    /** The customer of the contact who objected: its objection is the customer's. */
    @Column(name = "customer_id")
    public UUID customerId;

    @Column(name = "version_number")
    public int versionNumber;

    @Column(name = "notice_id")
    public UUID noticeId;

    @Column(name = "subprocessor_ids")
    public UUID[] subprocessorIds;

    public String reason;

    @Column(name = "received_at")
    public Instant receivedAt;

    @Enumerated(EnumType.STRING)
    public Outcome outcome;

    @Column(name = "resolution_note")
    public String resolutionNote;

    @Column(name = "resolved_by")
    public String resolvedBy;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Version
    public long revision;
}
