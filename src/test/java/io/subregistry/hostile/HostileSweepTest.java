package io.subregistry.hostile;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.subregistry.support.RegistryTest;
import io.subregistry.support.Staff;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

/**
 * The in-suite version of bench/hostile.sh: 1,000 seeded hostile requests across every operation
 * of /q/openapi, with no, wrong and each role's credentials. None is answered with a 5xx or a body
 * showing a stack trace or class name; the service stays ready; the published versions, the
 * version tables and the audit events that existed before are untouched, and the chain verifies.
 */
@QuarkusTest
class HostileSweepTest extends RegistryTest {

    private static final long SEED = 20261202L;
    private static final int REQUESTS = 1_000;

    @Test
    void aThousandHostileRequestsBreakNothing() throws Exception {
        long lastAudit = database.count("select coalesce(max(id), 0) from audit_event");
        Map<Integer, String> versionsBefore = publishedVersions();
        String tablesBefore = tables(lastAudit);

        HostileSweep.Result result = new HostileSweep("localhost", RestAssured.port, SEED, List.of(
                new HostileSweep.Account("legal", Staff.LEGAL, Staff.PASSWORD),
                new HostileSweep.Account("auditor", Staff.AUDITOR, Staff.PASSWORD),
                new HostileSweep.Account("admin", Staff.ADMIN, Staff.PASSWORD))).run(REQUESTS);

        assertThat(result.requests()).isEqualTo(REQUESTS);
        assertThat(result.serverErrors()).as("answers >= 500 (statuses %s)", result.statuses()).isEmpty();
        assertThat(result.leaks()).as("bodies with a stack trace, exception or class name").isEmpty();
        assertThat(result.statuses().keySet()).as("a spread of answers, not one refusal for everything")
                .contains("200", "400", "401", "404", "413", "415");
        given().get("/q/health/ready").then().statusCode(200);
        assertThat(publishedVersions()).isEqualTo(versionsBefore);
        assertThat(tables(lastAudit)).isEqualTo(tablesBefore);
        Staff.asAuditor().get("/api/v1/versions/verify").then().statusCode(200).body("valid", is(true));
    }

    /** Each published version exactly as the API serves it. */
    private Map<Integer, String> publishedVersions() {
        Map<Integer, String> versions = new LinkedHashMap<>();
        for (Integer number : given().get("/api/v1/versions").jsonPath().<Integer>getList("number")) {
            versions.put(number, given().accept("application/json").get("/api/v1/versions/" + number).asString());
        }
        assertThat(versions).isNotEmpty();
        return versions;
    }

    private String tables(long lastAudit) {
        return String.join("\n", database.lines("""
                select md5(string_agg(t, '|' order by t)) from (
                  select 'v' || v::text as t from version v
                  union all select 's' || s::text from version_section s
                  union all select 'e' || e::text from version_entry e
                  union all select 'c' || c::text from change_event c
                  union all select 'a' || a::text from audit_event a where a.id <= %d) rows""".formatted(lastAudit)));
    }
}
