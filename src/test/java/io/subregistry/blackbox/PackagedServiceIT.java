package io.subregistry.blackbox;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar as an operator runs it: with no database configured it starts its own
 * PostgreSQL and keeps the data in ./data across restarts, even after a kill -9; with a
 * datasource URL it uses that server and starts nothing.
 */
class PackagedServiceIT {

    private static final Duration STARTUP = Duration.ofSeconds(120);
    private static final String ADMIN = "admin:an admin password for tests";

    @Test
    void withoutADatabaseItRunsItsOwnAndSurvivesAKill9(@TempDir Path workDir) throws Exception {
        // A list refresh of 1 ms lets the brand's cache entry lapse at once, as it has a second after
        // any start: the error page below then depends on the brand read at start.
        Map<String, String> env = Map.of("REGISTRY_ADMIN_PASSWORD", "an admin password for tests", "REGISTRY_LIST_REFRESH", "1ms");
        ServiceProcess first = new ServiceProcess(workDir, env).start().awaitReady(STARTUP);
        // The very first page after the start, an error page answered on the event loop, already names the company.
        HttpResponse<String> missing = first.page("/no-such-page");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("Acme Health");
        HttpResponse<String> list = first.get("/api/v1/subprocessors", null);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("\"version\":2").contains("Gong.io");
        assertThat(first.log()).contains("Starting embedded PostgreSQL").doesNotContain("generated password");
        assertThat(workDir.resolve("initial-admin-password")).as("a configured password is not handed over").doesNotExist();
        assertThat(workDir.resolve("data/PG_VERSION")).exists();

        // Something that must survive: a new staff account.
        HttpResponse<String> created = first.post("/api/v1/admin/users",
                "{\"username\":\"kept.legal\",\"password\":\"a password that stays\",\"roles\":[\"legal\"]}", ADMIN);
        assertThat(created.statusCode()).isEqualTo(201);

        first.kill();
        assertThat(workDir.resolve("data/postmaster.pid")).as("the orphaned PostgreSQL still holds the data").exists();

        ServiceProcess second = new ServiceProcess(workDir, env).start().awaitReady(STARTUP);
        assertThat(second.get("/api/v1/me", "kept.legal:a password that stays").statusCode()).isEqualTo(200);
        assertThat(second.get("/api/v1/versions", null).body()).contains("\"number\":2").doesNotContain("\"number\":3");

        int exit = second.terminate(Duration.ofSeconds(30));
        assertThat(exit).isIn(0, 130, 143);
        assertThat(workDir.resolve("data/postmaster.pid")).as("a graceful stop stops PostgreSQL too").doesNotExist();
    }

    @Test
    void withADatasourceUrlItUsesThatServerAndStartsNothing(@TempDir Path workDir) throws Exception {
        try (EmbeddedPostgres external = EmbeddedPostgres.builder().setDataDirectory(workDir.resolve("external-pg"))
                .setCleanDataDirectory(true).start()) {
            Map<String, String> env = Map.of(
                    "QUARKUS_DATASOURCE_JDBC_URL", external.getJdbcUrl("postgres", "postgres"),
                    "QUARKUS_DATASOURCE_USERNAME", "postgres",
                    "QUARKUS_DATASOURCE_PASSWORD", "",
                    "REGISTRY_SAMPLE_DATA", "false");
            Path serviceDir = Files.createDirectory(workDir.resolve("service"));
            ServiceProcess service = new ServiceProcess(serviceDir, env).start().awaitReady(STARTUP);

            assertThat(service.get("/api/v1/subprocessors", null).body()).contains("\"version\":null");
            assertThat(service.log()).doesNotContain("Starting embedded PostgreSQL");
            assertThat(serviceDir.resolve("data")).doesNotExist();

            // The generated first admin password is handed over in an owner-only file, never in the log.
            Path handOver = serviceDir.resolve("initial-admin-password");
            String generated = Files.readString(handOver).strip();
            assertThat(Files.getPosixFilePermissions(handOver)).containsExactlyInAnyOrder(
                    PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            assertThat(service.log()).contains("generated password is in " + handOver.toRealPath()).doesNotContain(generated);
            assertThat(service.get("/api/v1/me", "admin:" + generated).statusCode()).isEqualTo(200);
            try (var connection = external.getPostgresDatabase().getConnection();
                 var rows = connection.createStatement().executeQuery("select count(*) from staff_account")) {
                rows.next();
                assertThat(rows.getInt(1)).as("the service wrote to the external server").isEqualTo(1);
            }
            service.terminate(Duration.ofSeconds(30));
        }
    }
}
