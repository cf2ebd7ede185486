package io.subregistry.web.console;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.subregistry.support.RegistryTest;
import io.subregistry.support.Staff;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class ConsoleTest extends RegistryTest {

    @Test
    void staffSignInAndOut() {
        ConsoleSession browser = new ConsoleSession();
        assertThat(browser.get("/console").header("Location")).endsWith("/console/login?next=%2Fconsole");

        Response wrong = browser.signIn(Staff.LEGAL, "not the password");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.asString()).contains("Wrong username or password");

        Response right = browser.signIn(Staff.LEGAL, Staff.PASSWORD);
        assertThat(right.statusCode()).isEqualTo(303);
        assertThat(right.detailedCookie("registry-session").isHttpOnly()).isTrue();
        assertThat(right.detailedCookie("registry-session").getSameSite()).isEqualTo("Strict");
        assertThat(browser.get("/console").asString()).contains("Hello, lena.legal");

        assertThat(browser.form().post("/console/logout").header("Location")).endsWith("/console/login");
        assertThat(browser.get("/console").statusCode()).isEqualTo(303);
        String stolen = right.cookie("registry-session");
        assertThat(given().redirects().follow(false).cookie("registry-session", stolen).get("/console").statusCode())
                .as("a session ended by logout is dead everywhere").isEqualTo(303);
    }

    @Test
    void repeatedFailuresLockTheAccountForAWhile() {
        ConsoleSession browser = new ConsoleSession();
        for (int i = 0; i < 5; i++) {
            browser.signIn(Staff.AUDITOR, "guess " + i);
        }

        Response locked = browser.signIn(Staff.AUDITOR, Staff.PASSWORD);
        assertThat(locked.statusCode()).isEqualTo(401);
        assertThat(locked.asString()).contains("locked until");
        Staff.asAuditor().get("/api/v1/audit-log").then().statusCode(401);

        clock.advance(Duration.ofMinutes(16));
        assertThat(browser.signIn(Staff.AUDITOR, Staff.PASSWORD).statusCode()).isEqualTo(303);
        Staff.asAuditor().get("/api/v1/audit-log").then().statusCode(200)
                .body("events.action", hasItem("ACCOUNT_LOCKED"));
    }

    @Test
    void pagesAreRoleAware() {
        ConsoleSession auditor = ConsoleSession.signedIn(Staff.AUDITOR, Staff.PASSWORD);
        assertThat(auditor.get("/console/versions").statusCode()).isEqualTo(200);
        assertThat(auditor.get("/console/audit").statusCode()).isEqualTo(200);
        assertThat(auditor.get("/console/versions/2").asString()).doesNotContain("Record resolution");
        for (String forbidden : List.of("/console/draft", "/console/publish", "/console/accounts")) {
            assertThat(auditor.get(forbidden).header("Location")).as(forbidden).endsWith("/console/forbidden");
        }
        assertThat(auditor.get("/console").asString()).doesNotContain("href=\"/console/draft\"")
                .doesNotContain("href=\"/console/accounts\"");

        ConsoleSession legal = ConsoleSession.signedIn(Staff.LEGAL, Staff.PASSWORD);
        assertThat(legal.get("/console/draft").statusCode()).isEqualTo(200);
        assertThat(legal.get("/console/accounts").header("Location")).endsWith("/console/forbidden");

        ConsoleSession anonymous = new ConsoleSession();
        for (String page : List.of("/console", "/console/draft", "/console/versions", "/console/audit", "/console/accounts")) {
            assertThat(anonymous.get(page).header("Location")).as(page).contains("/console/login?next=");
        }
    }

    @Test
    void everyConsoleFormNeedsItsCsrfToken() {
        ConsoleSession legal = ConsoleSession.signedIn(Staff.LEGAL, Staff.PASSWORD);
        legal.get("/console/draft");
        String zoom = idOf("Zoom");
        Map<String, Map<String, String>> forms = Map.of(
                "/console/draft/entries", entryForm("Forged Ltd"),
                "/console/draft/entries/" + zoom, entryForm("Zoom renamed"),
                "/console/draft/entries/" + zoom + "/delete", Map.of(),
                "/console/draft/sections", Map.of("key", "forged", "title", "Forged"),
                "/console/draft/sections/sales", Map.of("title", "Forged"),
                "/console/draft/sections/sales/delete", Map.of(),
                "/console/publish", Map.of("effectiveAt", "2030-01-01", "summary", "forged"),
                "/console/logout", Map.of());
        String draftBefore = Staff.asLegal().get("/api/v1/draft").header("ETag");
        forms.forEach((path, fields) -> {
            Response forged = legal.forgedForm().formParams(fields).post(path);
            assertThat(forged.statusCode()).as(path).isEqualTo(403);
            assertThat(forged.asString()).as(path).contains("form expired");
        });
        assertThat(Staff.asLegal().get("/api/v1/draft").header("ETag")).isEqualTo(draftBefore);

        ConsoleSession admin = ConsoleSession.signedIn(Staff.ADMIN, Staff.PASSWORD);
        admin.get("/console/accounts");
        assertThat(admin.forgedForm().formParam("username", "forged").formParam("password", "a long password here")
                .formParam("roles", "admin").post("/console/accounts").statusCode()).isEqualTo(403);
        assertThat(admin.forgedForm().post("/console/accounts/" + Staff.LEGAL + "/disable").statusCode()).isEqualTo(403);
        Response forgedSignIn = new ConsoleSession().forgedForm().formParam("username", Staff.LEGAL)
                .formParam("password", Staff.PASSWORD).post("/console/login");
        assertThat(forgedSignIn.statusCode()).isEqualTo(403);
        assertThat(forgedSignIn.asString()).contains("The sign-in form expired").contains("name=\"password\"");
        Staff.asLegal().get("/api/v1/me").then().statusCode(200);
    }

    @Test
    void legalStaffEditTheDraftAndPublishWithTheRequiredNotice() {
        ConsoleSession legal = ConsoleSession.signedIn(Staff.LEGAL, Staff.PASSWORD);
        legal.get("/console/draft");

        Response added = legal.form().formParams(entryForm("Postmark")).formParam("section", "support")
                .post("/console/draft/entries");
        assertThat(added.statusCode()).isEqualTo(303);
        assertThat(legal.get("/console/draft?done=added").asString()).contains("Sub-processor added to the draft.")
                .contains("Postmark");

        Response invalid = legal.form().formParams(entryForm("")).formParam("section", "support").post("/console/draft/entries");
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(invalid.asString()).contains("Please correct the marked fields");

        String postmark = idOf("Postmark");
        legal.get("/console/draft/entries/" + postmark);
        Response stale = legal.form().formParams(entryForm("Postmark Ltd")).formParam("section", "support")
                .formParam("revision", "7").post("/console/draft/entries/" + postmark);
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(stale.asString()).contains("out of date");

        String publish = legal.get("/console/publish").asString();
        LocalDate earliest = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(31);
        assertThat(publish).contains("earliest effective date for this version is <strong>" + earliest + "</strong>")
                .contains("Postmark");
        Response tooSoon = legal.form().formParam("revision", legal.revision())
                .formParam("effectiveAt", earliest.minusDays(5).toString())
                .formParam("summary", "Adds Postmark").post("/console/publish");
        assertThat(tooSoon.statusCode()).isEqualTo(422);
        assertThat(tooSoon.asString()).contains("emergencyReason");

        legal.get("/console/publish");
        Response published = legal.form().formParam("revision", legal.revision()).formParam("effectiveAt", earliest.toString())
                .formParam("summary", "Adds Postmark for support e-mail").post("/console/publish");
        assertThat(published.statusCode()).isEqualTo(303);
        assertThat(published.header("Location")).endsWith("/console/versions/3?done=published");
        assertThat(legal.get("/console/versions/3?done=published").asString()).contains("Version published")
                .contains("Adds Postmark for support e-mail");
        given().get("/api/v1/upcoming").then().body("version.number", contains(3));
    }

    @Test
    void aFileCanBeImportedFromTheConsole() {
        ConsoleSession legal = ConsoleSession.signedIn(Staff.LEGAL, Staff.PASSWORD);
        legal.get("/console/draft");
        String csv = "section,name,legalAddress,location,processingActivity\n"
                + "support,Postmark,\"1 Main St, Chicago\",USA,Support e-mail delivery\n";

        Response previewed = legal.request().multiPart("csrf", csrfOf(legal)).multiPart("format", "csv")
                .multiPart("mode", "merge").multiPart("file", "list.csv", csv.getBytes(), "text/csv")
                .post("/console/draft/import");
        assertThat(previewed.statusCode()).isEqualTo(200);
        assertThat(previewed.asString()).contains("Import preview").contains("Postmark");
        assertThat(Staff.asLegal().get("/api/v1/draft/diff").<List<String>>path("changes.name")).as("nothing applied yet").isEmpty();

        Response imported = legal.request().multiPart("csrf", csrfOf(legal)).multiPart("format", "csv")
                .multiPart("mode", "merge").multiPart("text", csv).multiPart("revision", revisionOf(previewed))
                .post("/console/draft/import/apply");
        assertThat(imported.statusCode()).isEqualTo(303);
        assertThat(Staff.asLegal().get("/api/v1/draft/diff").<List<String>>path("changes.name")).containsExactly("Postmark");

        Response broken = legal.request().multiPart("csrf", csrfOf(legal)).multiPart("format", "csv")
                .multiPart("text", "section,name\nsupport,Nameless\n").post("/console/draft/import");
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(broken.asString()).contains("line 1");
    }

    @Test
    void adminsManageAccounts() {
        ConsoleSession admin = ConsoleSession.signedIn(Staff.ADMIN, Staff.PASSWORD);
        admin.get("/console/accounts");

        Response created = admin.form().formParam("username", "new.auditor").formParam("password", "another long password")
                .formParam("roles", "auditor").post("/console/accounts");
        assertThat(created.statusCode()).isEqualTo(303);
        assertThat(admin.get("/console/accounts?done=account-created").asString()).contains("new.auditor");
        given().auth().preemptive().basic("new.auditor", "another long password").get("/api/v1/me").then().statusCode(200);

        admin.get("/console/accounts");
        assertThat(admin.form().post("/console/accounts/new.auditor/disable").statusCode()).isEqualTo(303);
        given().auth().preemptive().basic("new.auditor", "another long password").get("/api/v1/me").then().statusCode(401);
        assertThat(admin.form().post("/console/accounts/" + Staff.ADMIN + "/disable").statusCode()).isEqualTo(409);
    }

    static String revisionOf(Response page) {
        Matcher matcher = Pattern.compile("name=\"revision\" value=\"(\\d+)\"").matcher(page.asString());
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    static String csrfOf(ConsoleSession session) {
        Matcher matcher = Pattern.compile("name=\"csrf\" value=\"([A-Za-z0-9_-]{43})\"")
                .matcher(session.get("/console/draft").asString());
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    private static Map<String, String> entryForm(String name) {
        return Map.of("name", name, "legalAddress", "1 Main St, Chicago, IL, USA", "location", "USA",
                "processingActivity", "Support e-mail delivery");
    }

    private static String idOf(String name) {
        return Staff.asLegal().get("/api/v1/draft").path("sections.subprocessors.flatten().find { it.name == '" + name + "' }.id");
    }
}
