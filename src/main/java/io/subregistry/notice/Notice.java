package io.subregistry.notice;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One mail to one subscriber about one version: the durable delivery record auditors ask for. */
@Entity
@Table(name = "notice")
public class Notice {

    @Id
    public UUID id;

    @Column(name = "subscriber_id")
    public UUID subscriberId;

    @Column(name = "version_number")
    public Integer versionNumber;

    @Enumerated(EnumType.STRING)
    public NoticeKind kind;

    @Enumerated(EnumType.STRING)
    public NoticeStatus status;

    public String recipient;

    @Column(name = "queued_at")
    public Instant queuedAt;

    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "lease_owner")
    public String leaseOwner;

    @Column(name = "lease_expires_at")
    public Instant leaseExpiresAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Column(name = "message_id")
    public String messageId;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "token_hash")
    public String tokenHash;

    /** The invitation an INVITE mail carries; null for every other kind. */
    @Column(name = "invite_id")
    public UUID inviteId;
}
