package io.subregistry.customer;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Customers' contracts and the obligations they create ({@code registry.customers.*}). */
@ConfigMapping(prefix = "registry.customers")
public interface CustomerConfig {

    /** An obligation not yet notified is AT_RISK once its due date is this close. */
    @WithDefault("3d")
    Duration riskLead();

    /** A contact who has not acknowledged an announcement this long after it was sent gets one reminder. */
    @WithDefault("7d")
    Duration ackReminderAfter();

    /** How often obligation statuses are brought up to date and reminders queued ("off" disables it on this instance). */
    @WithDefault("1m")
    String statusEvery();
}
