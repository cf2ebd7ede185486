package io.subregistry.notice;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.UUID;

/** Someone who asked to be told about changes. Never deleted: evidence refers to it. */
@Entity
@Table(name = "subscriber")
public class Subscriber {

    public enum Status { PENDING, CONFIRMED, UNSUBSCRIBED }

    @Id
    public UUID id;

    public String email;

    public String organisation;

    /** Section keys of interest; null for every section. */
    public String[] sections;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "confirmed_at")
    public Instant confirmedAt;

    @Column(name = "unsubscribed_at")
    public Instant unsubscribedAt;

    @Column(name = "confirm_nonce")
    public UUID confirmNonce;

    @Column(name = "confirm_token_hash")
    public String confirmTokenHash;

    @Column(name = "confirm_expires_at")
    public Instant confirmExpiresAt;

    @Column(name = "last_confirmation_at")
    public Instant lastConfirmationAt;

    @Column(name = "manage_nonce")
    public UUID manageNonce;

    @Column(name = "manage_token_hash")
    public String manageTokenHash;

    /** The customer whose notice contact this is (staff added it); null for a public subscriber. */
    @Column(name = "customer_id")
    public UUID customerId;

    /** A contact's name, if known. */
    public String name;

    /** A contact's preferred language (BCP 47), if known. */
    public String language;

    /** When staff removed this contact from its customer; null while it is one. */
    @Column(name = "removed_at")
    public Instant removedAt;

    @Version
    public long revision;

    public boolean follows(Collection<String> sectionKeys) {
        return sections == null || sectionKeys.stream().anyMatch(key -> Arrays.asList(sections).contains(key));
    }
}
