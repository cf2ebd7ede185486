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

    /**
     * Password of the first {@code admin} account (REGISTRY_ADMIN_PASSWORD). If unset, a random one
     * is written to {@link #adminPasswordFile()}, never to the log.
     */
    Optional<String> adminPassword();

    /** Where a generated first admin password is handed over: a file only its owner can read, relative to the working directory. */
    @WithDefault("initial-admin-password")
    String adminPasswordFile();

    /** How long an instance may serve the public list before checking for versions published elsewhere. */
    @WithDefault("1s")
    Duration listRefresh();

    /** Where the company's other legal pages are: the public page links back to it ("« Legal & Policies"). */
    Optional<String> legalPagesUrl();

    /** The public address of this service, for links in mails and feeds (no trailing slash). */
    @WithDefault("http://localhost:8080")
    String publicBaseUrl();

    /**
     * The key of the tokens in mail links (REGISTRY_TOKEN_SECRET, at least 32 characters), shared by
     * all instances. If unset, one is generated and kept in the database.
     */
    Optional<String> tokenSecret();

    /** The PostgreSQL the service runs itself when no datasource URL is configured. */
    EmbeddedDatabase embeddedDatabase();

    interface EmbeddedDatabase {
        /** false: never start one (the service then needs QUARKUS_DATASOURCE_JDBC_URL). */
        @WithDefault("true")
        boolean enabled();

        /** Where its files live; relative to the working directory. */
        @WithDefault("data")
        String dataDir();
    }

    default long noticePeriodDays() {
        return noticePeriod().toDays();
    }
}
