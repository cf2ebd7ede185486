package io.subregistry.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Signed webhooks ({@code registry.webhooks.*}). */
@ConfigMapping(prefix = "registry.webhooks")
public interface WebhookConfig {

    /**
     * Allow endpoints on loopback, private, link-local and metadata addresses. Off: such URLs are
     * refused at registration and at every delivery (server-side request forgery). For tests and intranets.
     */
    @WithDefault("false")
    boolean allowPrivate();

    /** Allow plain http:// endpoints. Off: HTTPS only. For tests and intranets. */
    @WithDefault("false")
    boolean allowHttp();

    /** Consecutive failed attempts after which an endpoint is disabled (audit entry, console alert). */
    @WithDefault("15")
    int maxFailures();

    /** Connect and answer time-out of one attempt. */
    @WithDefault("10s")
    Duration timeout();

    /** How often due deliveries are sent ("off" disables the job). */
    @WithDefault("2s")
    String dispatchEvery();

    /** How often versions that took effect are turned into version.effective events ("off" disables). */
    @WithDefault("1m")
    String effectiveEvery();

    /** Deliveries claimed per round. */
    @WithDefault("200")
    int batchSize();

    /** Requests on the wire at once. */
    @WithDefault("50")
    int concurrency();

    /** How long a claim holds a delivery; a crashed instance's claims are taken over after this. */
    @WithDefault("2m")
    Duration lease();

    /** The first retry's delay; it doubles per attempt up to {@link #retryMaxDelay()}. */
    @WithDefault("30s")
    Duration retryBaseDelay();

    @WithDefault("6h")
    Duration retryMaxDelay();

    /** How long the previous secret still signs (a second signature) after a rotation. */
    @WithDefault("24h")
    Duration previousSecretGrace();

    /** Attempts per delivery before it is FAILED. */
    @WithDefault("10")
    int maxAttempts();
}
