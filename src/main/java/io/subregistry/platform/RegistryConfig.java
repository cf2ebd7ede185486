package io.subregistry.platform;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;

/** Settings of the registry itself ({@code registry.*}); mail and notices have their own. */
@ConfigMapping(prefix = "registry")
public interface RegistryConfig {

    /** The minimum notice before an added sub-processor takes effect (DPAs: 10, 30, 90 days…). */
    @WithDefault("30d")
    Duration noticePeriod();

    /** The zone in which dates such as "effective 2026-02-02" and "Last updated" are read and shown. */
    @WithDefault("UTC")
    ZoneId zone();

    /** Load the example list on first start against an empty database. */
    @WithDefault("true")
    boolean sampleData();

    /** Password of the first {@code admin} account (REGISTRY_ADMIN_PASSWORD); random and logged once if unset. */
    Optional<String> adminPassword();

    /** How long an instance may serve the public list before checking for versions published elsewhere. */
    @WithDefault("1s")
    Duration listRefresh();

    default long noticePeriodDays() {
        return noticePeriod().toDays();
    }
}
