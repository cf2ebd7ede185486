package io.subregistry.platform.database;

import io.quarkus.runtime.ExecutionMode;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Points the datasource at an embedded PostgreSQL when none is configured.
 *
 * <p>With {@code QUARKUS_DATASOURCE_JDBC_URL} (or the property) set, it contributes nothing and
 * starts nothing. It also stays silent at build time ({@link ExecutionMode#UNSET}), or
 * {@code mvn package} would start a server and bake its URL into the jar.
 */
public class EmbeddedDatabaseConfigFactory implements ConfigSourceFactory {

    static final String JDBC_URL = "quarkus.datasource.jdbc.url";
    static final String ENABLED = "registry.embedded-database.enabled";
    static final String DATA_DIR = "registry.embedded-database.data-dir";
    /** Below application.properties (250) and environment variables (300). */
    private static final int ORDINAL = 50;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (ExecutionMode.current() == ExecutionMode.UNSET || isSet(context.getValue(JDBC_URL))) {
            return List.of();
        }
        ConfigValue enabled = context.getValue(ENABLED);
        if (isSet(enabled) && !Boolean.parseBoolean(enabled.getValue())) {
            return List.of();
        }
        boolean testRun = context.getProfiles().contains("test");
        EmbeddedDatabase database = EmbeddedDatabase.startOnce(dataDir(context, testRun), testRun);
        return List.of(new PropertiesConfigSource(Map.of(
                JDBC_URL, database.jdbcUrl(),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", ""), "embedded-postgresql", ORDINAL));
    }

    private static Path dataDir(ConfigSourceContext context, boolean testRun) {
        if (testRun) {
            try {
                // A fresh, throw-away cluster per test JVM.
                return Files.createTempDirectory("subregistry-test-pg");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        ConfigValue dir = context.getValue(DATA_DIR);
        return Path.of(isSet(dir) ? dir.getValue() : "data");
    }

    private static boolean isSet(ConfigValue value) {
        return value != null && value.getValue() != null && !value.getValue().isBlank();
    }
}
