package io.subregistry.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** A URL that receives signed events. Never deleted (its deliveries are evidence): DELETED stops it. */
@Entity
@Table(name = "webhook_endpoint")
public class WebhookEndpoint {

    public enum Status { ACTIVE, DISABLED, DELETED }

    @Id
    public UUID id;

    public String url;

    public String[] events;

    @Column(name = "customer_id")
    public UUID customerId;

    public String description;

    public String secret;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "consecutive_failures")
    public int consecutiveFailures;

    @Column(name = "disabled_at")
    public Instant disabledAt;

    @Column(name = "disabled_reason")
    public String disabledReason;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "secret_rotated_at")
    public Instant secretRotatedAt;

    @Column(name = "previous_secret")
    public String previousSecret;

    @Column(name = "previous_secret_until")
    public Instant previousSecretUntil;

    @Version
    public long revision;
}
