package io.subregistry.notice;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/**
 * Subscriptions and notices ({@code registry.notices.*}). SMTP itself is configured with the
 * standard {@code quarkus.mailer.*} settings.
 */
@ConfigMapping(prefix = "registry.notices")
public interface NoticeConfig {

    /** The sender of every notice. */
    @WithDefault("Sub-processor notices <subprocessors@localhost>")
    String from();

    /** The List-Id header's identifier, a domain-like name (RFC 2919). */
    @WithDefault("subprocessors.localhost")
    String listId();

    /** An optional mailto: address for List-Unsubscribe, besides the one-click HTTPS link. */
    Optional<String> unsubscribeMailto();

    /** How long before the objection deadline the REMINDER goes out. */
    @WithDefault("7d")
    Duration reminderLead();

    /** Whether to send an EFFECTIVE notice on the day a version takes effect. */
    @WithDefault("false")
    boolean effectiveNotices();

    /** How long a confirmation link works. */
    @WithDefault("48h")
    Duration confirmationExpiry();

    /** The shortest time between two confirmation mails to one address. */
    @WithDefault("10m")
    Duration confirmationCooldown();

    /** Subscription requests allowed per client address per {@link #subscribeWindow()}. */
    @WithDefault("10")
    int subscribeLimit();

    @WithDefault("10m")
    Duration subscribeWindow();

    /** Notices claimed per dispatch round. */
    @WithDefault("500")
    int batchSize();

    /** How many mails are on the wire at once (keep at or below quarkus.mailer.max-pool-size). */
    @WithDefault("10")
    int sendConcurrency();

    /** How long a claim holds a notice; a crashed instance's claims are taken over after this. */
    @WithDefault("2m")
    Duration lease();

    /** Attempts before a notice is marked FAILED (a permanent 5xx rejection fails at once). */
    @WithDefault("8")
    int maxAttempts();

    /** The first retry's delay; each further retry doubles it, up to {@link #retryMaxDelay()}. */
    @WithDefault("30s")
    Duration retryBaseDelay();

    @WithDefault("1h")
    Duration retryMaxDelay();

    /** How long one SMTP send may take before it counts as failed. */
    @WithDefault("30s")
    Duration sendTimeout();

    /** How often due notices are sent ("off" disables dispatch on this instance). */
    @WithDefault("2s")
    String dispatchEvery();

    /** How often reminders and effective-day notices are queued ("off" disables it on this instance). */
    @WithDefault("1m")
    String planEvery();

    /** How often the queue metrics are read from the database ("off" disables it). */
    @WithDefault("15s")
    String metricsEvery();

    /** On shutdown, how long to let mails on the wire finish before giving the rest back to the queue. */
    @WithDefault("20s")
    Duration shutdownGrace();

    /** How long to keep trying to record a batch's outcome while the database is unreachable (within the lease). */
    @WithDefault("90s")
    Duration recordRetry();

    /** How long one dispatch round may keep going while work remains. */
    @WithDefault("20s")
    Duration dispatchBudget();
}
