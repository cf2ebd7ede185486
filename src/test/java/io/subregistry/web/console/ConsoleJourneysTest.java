package io.subregistry.web.console;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.subregistry.notice.TokenService;
import io.subregistry.support.Api;
import io.subregistry.support.Entries;
import io.subregistry.support.Mailbox;
import io.subregistry.support.RegistryTest;
import io.subregistry.support.Staff;
import io.subregistry.support.Subscribers;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static io.subregistry.support.Staff.asAdmin;
import static io.subregistry.support.Staff.asLegal;
import static org.assertj.core.api.Assertions.assertThat;

/** The console's small things and the draft's guard rails, as a browser-like client meets them. */
@QuarkusTest
class ConsoleJourneysTest extends RegistryTest {

    private static final String INVITE_PREFIX = "http://localhost:8080/console/invite/";

    @Inject
    Subscribers subscribers;

    @Test
    void thePageOneIsOnIsMarkedAndSignInFocusesTheUsername() {
        ConsoleSession legal = ConsoleSession.signedIn(Staff.LEGAL, Staff.PASSWORD);
        assertThat(legal.get("/console/draft").asString()).contains("<a href=\"/console/draft\" aria-current=\"page\">Draft</a>")
                .doesNotContain("<a href=\"/console/publish\" aria-current");
        assertThat(legal.get("/console/versions/2").asString())
                .contains("<a href=\"/console/versions\" aria-current=\"page\">Versions</a>");
        assertThat(new ConsoleSession().get("/console/login").asString()).containsPattern("id=\"username\"[^>]* autofocus");
    }

    @Test
    void aDeepLinkLeadsBackToTheAskedPageAfterSignInButNeverElsewhere() {
        ConsoleSession browser = new ConsoleSession();
        String login = browser.get("/console/versions/2?done=resolved").header("Location");
        assertThat(login).endsWith("/console/login?next=%2Fconsole%2Fversions%2F2%3Fdone%3Dresolved");
        assertThat(browser.request().urlEncodingEnabled(false).get(login.replaceFirst("^https?://[^/]+", "")).asString())
                .contains("name=\"next\" value=\"/console/versions/2?done=resolved\"");
        browser.get("/console/login");
        Response signedIn = browser.form().formParam("username", Staff.AUDITOR).formParam("password", Staff.PASSWORD)
                .formParam("next", "/console/versions/2?done=resolved").post("/console/login");
        assertThat(signedIn.header("Location")).endsWith("/console/versions/2?done=resolved");

        for (String elsewhere : List.of("//evil.example/console", "https://evil.example/console", "/console/../api/v1/draft",
                "/consolex", "/console\\@evil.example", "/console//evil.example", "/console/login", "javascript:alert(1)",
                "/console/\r\nSet-Cookie:x=y")) {
            ConsoleSession other = new ConsoleSession();
            other.get("/console/login");
            Response answer = other.form().formParam("username", Staff.AUDITOR).formParam("password", Staff.PASSWORD)
                    .formParam("next", elsewhere).post("/console/login");
            java.net.URI location = java.net.URI.create(answer.header("Location"));
            assertThat(location.getHost()).as(elsewhere).isEqualTo("localhost");
            assertThat(location.getPath()).as(elsewhere).isEqualTo("/console");
        }
    }

    @Test
    void accountsAreNamedFailedFormsKeepAllButThePasswordAndTheLastAdminIsNotOfferedDisable() {
        ConsoleSession admin = ConsoleSession.signedIn(Staff.ADMIN, Staff.PASSWORD);
        admin.get("/console/accounts");
        Response refused = admin.form().formParam("username", "new.person").formParam("password", "short")
                .formParam("roles", "auditor").formParam("roles", "legal").post("/console/accounts");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.asString()).contains("The account was not created");
        String page = refused.asString();
        page = page.substring(page.indexOf("id=\"new-account\" aria-labelledby"));
        assertThat(page).contains("value=\"new.person\"").containsPattern("value=\"auditor\" checked")
                .containsPattern("value=\"legal\" checked").doesNotContainPattern("value=\"admin\" checked")
                .doesNotContain("value=\"short\"").contains("never written back into the page")
                .doesNotContain("roles: must not be empty");
        Response noRoles = admin.form().formParam("username", "new.person").formParam("password", "long enough password")
                .post("/console/accounts");
        assertThat(noRoles.asString()).contains("Roles: Choose at least one role.");

        Response created = admin.form().formParam("username", "new.person").formParam("password", "long enough password")
                .formParam("roles", "auditor").post("/console/accounts");
        assertThat(created.statusCode()).isEqualTo(303);
        assertThat(admin.get(created.header("Location").replaceFirst("^https?://[^/]+", "")).asString())
                .contains("Account new.person created.");

        // with every other admin disabled, the last one is offered no "Disable", and the server refuses it anyway
        for (String other : List.of("admin", Staff.EVERYONE)) {
            asAdmin().post("/api/v1/admin/users/" + other + "/disable").then().statusCode(200);
        }
        String accounts = admin.get("/console/accounts").asString();
        assertThat(accounts).contains("The last admin").doesNotContain("action=\"/console/accounts/" + Staff.ADMIN + "/disable\"");
        assertThat(admin.form().post("/console/accounts/" + Staff.ADMIN + "/disable").statusCode()).isEqualTo(409);
    }

    @Test
    void anInvitationSetsThePasswordOnceBeforeItExpires() {
        ConsoleSession admin = ConsoleSession.signedIn(Staff.ADMIN, Staff.PASSWORD);
        admin.get("/console/accounts");
        Response invited = admin.form().formParam("username", "ivy.invited").formParam("email", "ivy@staff.example")
                .formParam("roles", "legal").post("/console/accounts/invitations");
        assertThat(invited.statusCode()).isEqualTo(303);
        assertThat(admin.get(invited.header("Location").replaceFirst("^https?://[^/]+", "")).asString())
                .contains("Account ivy.invited created. An invitation to set its password is on its way");

        MimeMessage mail = Mailbox.awaitTo("ivy@staff.example", 1).get(0);
        assertThat(Mailbox.subject(mail)).isEqualTo("Set your password for the sub-processor registry console");
        assertThat(Mailbox.part(mail, "text/html")).contains("Set my password");
        String link = Mailbox.link(mail, INVITE_PREFIX);
        String token = link.substring(INVITE_PREFIX.length());
        assertThat(database.count("select count(*) from staff_invite where token_hash = '" + TokenService.hash(token) + "'"))
                .as("stored as a hash").isEqualTo(1);
        assertThat(database.count("select count(*) from staff_invite where token_hash = '" + token + "'")).isZero();
        assertThat(new ConsoleSession().signIn("ivy.invited", "anything at all 123").statusCode()).isEqualTo(401);

        ConsoleSession ivy = new ConsoleSession();
        String path = link.replace("http://localhost:8080", "");
        assertThat(ivy.get(path).asString()).contains("ivy.invited");
        assertThat(ivy.form().formParam("password", "ivy's new password").formParam("repeat", "something else")
                .post(path).statusCode()).isEqualTo(422);
        Response set = ivy.form().formParam("password", "ivy's new password").formParam("repeat", "ivy's new password").post(path);
        assertThat(set.header("Location")).endsWith("/console/login?done=password-set");
        assertThat(ConsoleSession.signedIn("ivy.invited", "ivy's new password").get("/console").asString()).contains("Hello, ivy.invited");
        assertThat(ivy.get(path).statusCode()).as("single use").isEqualTo(410);

        admin.get("/console/accounts");
        admin.form().formParam("username", "late.invitee").formParam("email", "late@staff.example")
                .formParam("roles", "auditor").post("/console/accounts/invitations");
        String late = Mailbox.link(Mailbox.awaitTo("late@staff.example", 1).get(0), INVITE_PREFIX).replace("http://localhost:8080", "");
        clock.advance(Duration.ofHours(73));
        Response expired = new ConsoleSession().get(late);
        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(expired.asString()).contains("expired");
    }

    @Test
    void theDeliveryPageRefreshesItselfOnlyWhileSending() {
        subscribers.many(2, "refresh");
        Api.addToDraft(Entries.named("Postmark").in("support"));
        int version = Api.publishWithNotice("Adds Postmark");
        ConsoleSession auditor = ConsoleSession.signedIn(Staff.AUDITOR, Staff.PASSWORD);
        Response sending = auditor.get("/console/versions/" + version);
        assertThat(sending.header("Refresh")).isEqualTo("10");
        assertThat(sending.asString()).contains("updates itself every 10 seconds").contains("?updates=off\">Stop updating</a>")
                .as("no <meta refresh>: axe-core counts it a critical failure").doesNotContain("http-equiv");
        Response stopped = auditor.get("/console/versions/" + version + "?updates=off");
        assertThat(stopped.header("Refresh")).isNull();
        assertThat(stopped.asString()).contains("Follow the progress");
        Mailbox.awaitSettled();
        Response done = auditor.get("/console/versions/" + version);
        assertThat(done.header("Refresh")).isNull();
        assertThat(done.asString()).doesNotContain("updates itself");
    }

    @Test
    void theDraftAsksBeforeRemovingOffersAnUndoAndMarksWhatIsNotPublished() {
        String postmark = Api.addToDraft(Entries.named("Postmark").in("support"));
        ConsoleSession legal = ConsoleSession.signedIn(Staff.LEGAL, Staff.PASSWORD);
        String draft = legal.get("/console/draft").asString();
        assertThat(draft).containsPattern("Postmark <span class=\"badge pending\">new")
                .contains("<a href=\"#add\">Add a sub-processor</a>");
        assertThat(draft.indexOf("href=\"#add\"")).as("the add form is reachable from the top")
                .isLessThan(draft.indexOf("<section aria-labelledby=\"s-product\""));

        String entryPage = legal.get("/console/draft/entries/" + postmark).asString();
        assertThat(entryPage).contains("href=\"/console/draft/entries/" + postmark + "/delete\"")
                .doesNotContain("<form method=\"post\" action=\"/console/draft/entries/" + postmark + "/delete\"");
        String confirm = legal.get("/console/draft/entries/" + postmark + "/delete").asString();
        assertThat(confirm).contains("Remove Postmark?").contains("Yes, remove Postmark");
        Response removed = legal.form().formParam("revision", legal.revision()).post("/console/draft/entries/" + postmark + "/delete");
        assertThat(removed.header("Location")).contains("/console/draft?undo=" + postmark).contains("done=removed");
        asLegal().get("/api/v1/draft/subprocessors/" + postmark).then().statusCode(404);
        String afterRemoval = legal.get(removed.header("Location").replaceFirst("^https?://[^/]+", "")).asString();
        assertThat(afterRemoval).contains("Removed from the draft.").contains("Undo the removal");

        Response undone = legal.form().post("/console/draft/entries/" + postmark + "/restore");
        assertThat(undone.statusCode()).isEqualTo(303);
        asLegal().get("/api/v1/draft/subprocessors/" + postmark).then().statusCode(200);
        assertThat(legal.get("/console/draft?done=entry-restored").asString()).contains("Sub-processor restored to the draft.");
        assertThat(legal.form().post("/console/draft/entries/" + postmark + "/restore").statusCode()).as("only once").isEqualTo(409);
    }

    @Test
    void thePublishPageCountsWhoIsToldAndWarnsOfAnEmptyNewSection() {
        subscribers.many(2, "counted");
        asLegal().contentType(ContentType.JSON).body(Map.of("key", "hr", "title", "HR related sub-processors"))
                .post("/api/v1/draft/sections").then().statusCode(201);
        ConsoleSession legal = ConsoleSession.signedIn(Staff.LEGAL, Staff.PASSWORD);
        String publish = legal.get("/console/publish").asString();
        assertThat(publish).contains("Publishing notifies <strong>2 subscribers</strong>")
                .contains("<strong>Empty section:</strong> “HR related sub-processors” has no sub-processors");
        String newSection = publish.substring(publish.indexOf("New section"));
        newSection = newSection.substring(0, newSection.indexOf("</li>"));
        assertThat(newSection.split("HR related sub-processors", -1)).as("the title once").hasSize(2);
        assertThat(legal.get("/console/draft").asString()).contains("HR related sub-processors <span class=\"muted\">(hr)</span> <span class=\"badge pending\">new section</span>");
    }

    @Test
    void theAuditLogSpeaksInSentences() {
        Api.addToDraft(Entries.named("Postmark").in("support"));
        String audit = ConsoleSession.signedIn(Staff.AUDITOR, Staff.PASSWORD).get("/console/audit").asString();
        assertThat(audit).contains("Added Postmark to Customer Support related sub-processors in the draft.")
                .doesNotContain("{name=").doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}");
    }

    @Test
    void browsersGetHtmlErrorPages() {
        for (String path : List.of("/no-such-page", "/versions/999", "/console/versions/999", "/console/no-such-page")) {
            ConsoleSession auditor = ConsoleSession.signedIn(Staff.AUDITOR, Staff.PASSWORD);
            Response answer = auditor.request().accept("text/html,application/xhtml+xml,*/*;q=0.8").get(path);
            assertThat(answer.statusCode()).as(path).isEqualTo(404);
            assertThat(answer.contentType()).as(path).startsWith("text/html");
            assertThat(answer.asString()).as(path).contains("<html lang=\"en\">").containsPattern("<title>[^<]+</title>")
                    .contains("<h1>");
        }
        given().accept("application/json").get("/api/v1/versions/999").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
