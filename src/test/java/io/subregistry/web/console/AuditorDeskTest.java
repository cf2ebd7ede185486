package io.subregistry.web.console;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.subregistry.support.Mailbox;
import io.subregistry.support.RegistryTest;
import io.subregistry.support.Staff;
import io.subregistry.support.Subscribers;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static io.subregistry.support.Staff.asAuditor;
import static org.assertj.core.api.Assertions.assertThat;

/** The auditor's desk: exports in the signed-in console session, ?format=csv in the API, the audit log, verify. */
@QuarkusTest
class AuditorDeskTest extends RegistryTest {

    @Inject
    Subscribers subscribers;

    @Test
    void everyExportLinkOfTheConsoleDownloadsInTheSignedInSession() {
        ConsoleSession auditor = ConsoleSession.signedIn(Staff.AUDITOR, Staff.PASSWORD);
        String versionPage = auditor.get("/console/versions/2").asString();
        assertThat(versionPage).contains("href=\"/console/versions/2/notices.csv\"").doesNotContain("/api/v1/versions/2/notices");
        Response evidence = auditor.request().get("/console/versions/2/notices.csv");
        assertThat(evidence.statusCode()).isEqualTo(200);
        assertThat(evidence.header("WWW-Authenticate")).isNull();
        assertThat(evidence.contentType()).startsWith("text/csv");
        assertThat(evidence.header("Content-Disposition")).isEqualTo("attachment; filename=\"notices-version-2.csv\"");
        assertThat(evidence.asString()).startsWith("version,recipient,organisation,kind,status");

        String auditPage = auditor.get("/console/audit?action=VERSION_PUBLISHED").asString();
        assertThat(auditPage).contains("href=\"/console/audit/export.csv?action=VERSION_PUBLISHED\"");
        Response audit = auditor.request().get("/console/audit/export.csv?action=VERSION_PUBLISHED");
        assertThat(audit.statusCode()).isEqualTo(200);
        assertThat(audit.contentType()).startsWith("text/csv");
        List<String> rows = audit.asString().lines().toList();
        assertThat(rows.get(0)).isEqualTo("id,at,actor,action,target,details");
        assertThat(rows.subList(1, rows.size())).hasSize(2).allMatch(row -> row.contains(",VERSION_PUBLISHED,"));

        // without a session the export sends the browser to sign in, never to a Basic prompt
        Response anonymous = given().redirects().follow(false).get("/console/versions/2/notices.csv");
        assertThat(anonymous.statusCode()).isBetween(302, 303);
        assertThat(anonymous.header("Location")).contains("/console/login");
        assertThat(anonymous.header("WWW-Authenticate")).isNull();
        // the console's cookie still never authorises the API
        assertThat(auditor.request().get("/api/v1/versions/2/notices").statusCode()).isEqualTo(401);
        // a role without the right is refused
        ConsoleSession legalOnly = ConsoleSession.signedIn(Staff.LEGAL, Staff.PASSWORD);
        assertThat(legalOnly.request().get("/console/draft/export.csv").statusCode()).isEqualTo(200);
        Response refused = auditor.request().get("/console/draft/export.csv");
        assertThat(refused.statusCode()).isNotEqualTo(200);
        assertThat(refused.asString()).doesNotContain("section,sectionTitle");
    }

    @Test
    void formatCsvWorksWhereverTheReadmeSaysIt() {
        Map<String, String> publicCsv = Map.of(
                "/api/v1/subprocessors?format=csv", "section,sectionTitle,id,name",
                "/api/v1/versions/2?format=csv", "section,sectionTitle,id,name",
                "/api/v1/diff?from=1&to=2&format=csv", "type,subprocessorId,name",
                "/api/v1/changes?format=csv", "id,version,publishedAt,effectiveAt,type");
        publicCsv.forEach((path, header) -> {
            Response csv = given().get(path);
            assertThat(csv.statusCode()).as(path).isEqualTo(200);
            assertThat(csv.contentType()).as(path).startsWith("text/csv");
            assertThat(csv.asString()).as(path).startsWith(header);
        });
        Map<String, String> auditorCsv = Map.of(
                "/api/v1/versions/2/notices?format=csv", "version,recipient",
                "/api/v1/audit-log?format=csv", "id,at,actor,action");
        auditorCsv.forEach((path, header) -> {
            Response csv = asAuditor().get(path);
            assertThat(csv.statusCode()).as(path).isEqualTo(200);
            assertThat(csv.contentType()).as(path).startsWith("text/csv");
            assertThat(csv.asString()).as(path).startsWith(header);
        });
        // JSON stays the default, Accept still works, and a format we don't offer is a clear 400
        assertThat(given().get("/api/v1/changes").contentType()).startsWith("application/json");
        assertThat(given().accept("text/csv").get("/api/v1/changes").contentType()).startsWith("text/csv");
        given().get("/api/v1/changes?format=patch").then().statusCode(400);
    }

    @Test
    void theAuditLogFiltersByDateAndActionPagesAndRecordsSubscriptionEvents() {
        subscribers.confirmed("dpo@customer.example");
        Mailbox.awaitSettled();
        assertThat(asAuditor().get("/api/v1/audit-log?action=SUBSCRIBER_CONFIRMED").<List<String>>path("events.actor"))
                .containsExactly("subscriber d***@customer.example");

        ConsoleSession auditor = ConsoleSession.signedIn(Staff.AUDITOR, Staff.PASSWORD);
        // the clock stands at 2 March 2026: every line is of that day
        assertThat(auditor.get("/console/audit?from=2026-03-02&to=2026-03-02").asString())
                .contains("<td data-label=\"What\">Version published").contains("A subscriber confirmed the subscription.");
        assertThat(auditor.get("/console/audit?to=2026-03-01").asString()).contains("No events match these filters.");
        assertThat(auditor.get("/console/audit?from=2026-03-03").asString()).contains("No events match these filters.");
        Response wrong = auditor.get("/console/audit?from=yesterday");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.asString()).contains("From must be a date");
        asAuditor().get("/api/v1/audit-log?until=2026-03-01").then().statusCode(200);
        assertThat(asAuditor().get("/api/v1/audit-log?until=2026-03-01").<List<Object>>path("events")).isEmpty();

        // paging keeps the filters
        database.execute("""
                insert into audit_event (at, actor, action, target, details)
                select timestamptz '2026-03-02 09:00Z' + make_interval(secs => n), 'otto.auditor', 'SIGNED_IN', 'otto.auditor', '{}'
                  from generate_series(1, 120) n""");
        String first = auditor.get("/console/audit?action=SIGNED_IN&from=2026-03-02").asString();
        assertThat(first).contains("Older events</a>").contains("&amp;action=SIGNED_IN&amp;from=2026-03-02\"");
        String older = first.replaceAll("(?s).*href=\"(/console/audit\\?before=[^\"]*)\">Older events.*", "$1").replace("&amp;", "&");
        String second = auditor.get(older).asString();
        assertThat(second).contains("<td data-label=\"What\">Signed in").doesNotContain("Older events")
                .doesNotContain("<td data-label=\"What\">Version published");

        // an unsubscribe is recorded too
        String unsubscribe = Mailbox.header(Mailbox.to("dpo@customer.example").get(0), "List-Unsubscribe")
                .replaceAll("^<http://localhost:8080([^>]*)>.*$", "$1");
        given().contentType("application/x-www-form-urlencoded").body("List-Unsubscribe=One-Click").post(unsubscribe)
                .then().statusCode(200);
        assertThat(asAuditor().get("/api/v1/audit-log?action=SUBSCRIBER_UNSUBSCRIBED").<List<String>>path("events.actor"))
                .containsExactly("subscriber d***@customer.example");
    }

    @Test
    void theVerifyButtonSaysInASentenceWhetherTheHistoryIsIntact() {
        ConsoleSession auditor = ConsoleSession.signedIn(Staff.AUDITOR, Staff.PASSWORD);
        assertThat(auditor.get("/console/versions").asString()).contains("action=\"/console/verify\"")
                .contains("Verify the history");
        Response verified = auditor.get("/console/verify");
        assertThat(verified.statusCode()).isEqualTo(200);
        assertThat(verified.asString()).contains("The history is intact: all 2 versions match their hashes");

        database.execute("""
                set session_replication_role = replica;
                update version set summary = 'rewritten' where number = 1;
                set session_replication_role = origin;
                """);
        assertThat(auditor.get("/console/verify").asString()).contains("The history is broken at version 1:")
                .contains("role=\"alert\"");
    }
}
