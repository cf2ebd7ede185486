package io.subregistry.notice;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.subregistry.support.Api;
import io.subregistry.support.Entries;
import io.subregistry.support.Mailbox;
import io.subregistry.support.RegistryTest;
import io.subregistry.support.Subscribers;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static io.subregistry.support.Subscribers.OBJECTION_PREFIX;
import static io.restassured.RestAssured.given;
import static io.subregistry.support.Staff.asAuditor;
import static io.subregistry.support.Staff.asLegal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** The DPA notice workflow end to end, against a real SMTP server and a clock the test moves. */
@QuarkusTest
class NoticeWorkflowTest extends RegistryTest {

    private static final String DPO = "dpo@customer.example";
    private static final String UNSUBSCRIBE_PREFIX = "http://localhost:8080/unsubscribe/";

    @Inject
    NoticePlanner planner;

    @Inject
    Subscribers subscribers;

    @Test
    void fromSubscribeToConfirmToAnnouncementReminderObjectionAndOneClickUnsubscribe() {
        // subscribe: one confirmation mail, nothing else
        given().contentType(ContentType.JSON).body(Map.of("email", DPO, "organisation", "Customer GmbH"))
                .post("/api/v1/subscriptions").then().statusCode(202);
        List<MimeMessage> confirmation = Mailbox.awaitTo(DPO, 1);
        assertThat(confirmation).hasSize(1);
        assertThat(Mailbox.subject(confirmation.get(0))).contains("Confirm");
        assertBothParts(confirmation.get(0));
        String confirmLink = Mailbox.link(confirmation.get(0), Subscribers.CONFIRM_PREFIX);

        // the link's GET only shows a button; the POST confirms
        String path = confirmLink.substring("http://localhost:8080".length());
        given().get(path).then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("<form method=\"post\" action=\"" + path + "\""));
        given().post(path).then().statusCode(200).body(containsString("Subscription confirmed"));
        given().post(path).then().statusCode(404).body(containsString("not valid or was already used"));

        // publish an addition with the notice period: the announcement is queued in the same transaction
        Api.addToDraft(Entries.named("Postmark").in("support").with("website", "https://postmarkapp.com"));
        LocalDate effective = today().plusDays(31);
        int version = Api.publishOrFail(effective, "Adds Postmark for support e-mail");
        asAuditor().get("/api/v1/versions/" + version + "/notices").then().statusCode(200)
                .body("totals.QUEUED", equalTo(1));

        // confirmation, welcome (with the manage link) and the announcement
        List<MimeMessage> mails = Mailbox.awaitTo(DPO, 3);
        assertThat(mails).extracting(Mailbox::subject).contains("[Example Company] Your subscription to our sub-processor changes is confirmed");
        List<MimeMessage> announcements = mails.stream().filter(mail -> Mailbox.subject(mail).contains("Upcoming change")).toList();
        assertThat(announcements).hasSize(1);
        MimeMessage announcement = announcements.get(0);
        assertThat(Mailbox.subject(announcement)).isEqualTo("[Example Company] Upcoming change to our sub-processors, effective April 2, 2026");
        String text = Mailbox.part(announcement, "text/plain");
        assertThat(text).contains("April 2, 2026").contains("Objection deadline: April 2, 2026")
                .contains("Added: Postmark (Customer Support related sub-processors)")
                .contains("Legal address: 1 Example Street, 10115 Berlin, Germany")
                .contains("Location: EU").contains("Processing activity: Error reports with user ids")
                .contains("Website: https://postmarkapp.com")
                .contains("http://localhost:8080/diff?from=2&to=3");
        assertThat(Mailbox.part(announcement, "text/html")).contains("Postmark").contains("Objection deadline");
        assertListHeaders(announcement);

        // proof of notice: the record carries the Message-ID that went out
        Response evidence = asAuditor().get("/api/v1/versions/" + version + "/notices");
        assertThat(evidence.<Integer>path("totals.SENT")).isEqualTo(1);
        assertThat(evidence.<String>path("notices[0].recipient")).isEqualTo(DPO);
        assertThat(evidence.<String>path("notices[0].organisation")).isEqualTo("Customer GmbH");
        assertThat(evidence.<String>path("notices[0].kind")).isEqualTo("ANNOUNCEMENT");
        assertThat(evidence.<String>path("notices[0].messageId")).isEqualTo(Mailbox.header(announcement, "Message-ID"));
        String csv = asAuditor().accept("text/csv").get("/api/v1/versions/" + version + "/notices").asString();
        assertThat(csv.lines().toList()).hasSize(2);
        assertThat(csv).contains(DPO).containsPattern(",ANNOUNCEMENT,SENT,\\d+,");

        // a week before the deadline: the reminder
        planner.queueScheduled();
        Mailbox.awaitSettled();
        assertThat(Mailbox.distinct(Mailbox.to(DPO))).as("no reminder yet").hasSize(3);
        clock.advance(Duration.ofDays(24).plusHours(1));
        planner.queueScheduled();
        MimeMessage reminder = last(Mailbox.awaitTo(DPO, 4));
        assertThat(Mailbox.subject(reminder)).isEqualTo("[Example Company] Reminder: upcoming change to our sub-processors, effective April 2, 2026");
        planner.queueScheduled();
        Mailbox.awaitSettled();
        assertThat(Mailbox.distinct(Mailbox.to(DPO))).as("one reminder only").hasSize(4);

        // object from the link in the announcement
        String objectionToken = Mailbox.link(announcement, OBJECTION_PREFIX).substring(OBJECTION_PREFIX.length());
        Response form = given().get("/api/v1/objections/" + objectionToken);
        assertThat(form.<Boolean>path("open")).isTrue();
        assertThat(form.<List<String>>path("additions.subprocessor.name")).containsExactly("Postmark");
        String postmark = form.path("additions[0].subprocessor.id");
        given().contentType(ContentType.JSON).body(Map.of("subprocessorIds", List.of(postmark),
                        "reason", "Our contract forbids US-owned mail processors."))
                .post("/api/v1/objections/" + objectionToken).then().statusCode(201)
                .body("subprocessors[0].name", equalTo("Postmark"));
        given().contentType(ContentType.JSON).body(Map.of("subprocessorIds", List.of(postmark), "reason", "again"))
                .post("/api/v1/objections/" + objectionToken).then().statusCode(409);

        // legal sees it and resolves it; auditors read it; both steps are in the audit log
        Response objections = asLegal().get("/api/v1/versions/" + version + "/objections");
        assertThat(objections.<List<String>>path("email")).containsExactly(DPO);
        String objectionId = objections.path("[0].id");
        asLegal().contentType(ContentType.JSON).body(Map.of("outcome", "REJECTED", "note", "Postmark stores mail in the EU."))
                .post("/api/v1/objections/" + objectionId + "/resolution").then().statusCode(200)
                .body("outcome", equalTo("REJECTED")).body("resolvedBy", equalTo("lena.legal"));
        asAuditor().get("/api/v1/versions/" + version + "/objections").then().body("[0].outcome", equalTo("REJECTED"));
        assertThat(asAuditor().get("/api/v1/audit-log").<List<String>>path("events.action"))
                .contains("OBJECTION_RECEIVED", "OBJECTION_RESOLVED");

        // RFC 8058 one-click: a POST without cookies or login, 200, no redirect
        String unsubscribe = Mailbox.link(announcement, UNSUBSCRIBE_PREFIX).substring("http://localhost:8080".length());
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .body("List-Unsubscribe=One-Click").post(unsubscribe)
                .then().statusCode(200).body(containsString("unsubscribed"));

        // the next notice already skips that address (the receipt and the answer to the objection went out)
        Mailbox.awaitSettled();
        int mailsBefore = Mailbox.distinct(Mailbox.to(DPO)).size();
        Api.removeFromDraft(idOf("Zapier"));
        Api.publishOrFail(effective, "Removes Zapier");
        Mailbox.awaitSettled();
        assertThat(Mailbox.distinct(Mailbox.to(DPO))).hasSize(mailsBefore);

        // after the deadline the link says so and records nothing
        clock.advance(Duration.ofDays(10));
        Response closed = given().get("/api/v1/objections/" + objectionToken);
        assertThat(closed.<Boolean>path("open")).isFalse();
        given().get("/objection/" + objectionToken).then().statusCode(200).body(containsString("Your objection"))
                .body(containsString("Resolved: <strong>rejected, the change goes ahead</strong>"));

        // the unsubscribed address stays in the evidence of what was sent
        asAuditor().get("/api/v1/versions/" + version + "/notices").then().body("notices.recipient", Matchers.hasItem(DPO));
    }

    @Test
    void nothingButTheConfirmationGoesToAnUnconfirmedAddress() {
        Subscribers.subscribe("pending@customer.example");
        Api.addToDraft(Entries.named("Postmark"));
        Api.publishOrFail(today().plusDays(31), "Adds Postmark");
        Mailbox.awaitTo("pending@customer.example", 1);
        clock.advance(Duration.ofDays(25));
        planner.queueScheduled();

        assertThat(Mailbox.awaitTo("pending@customer.example", 1)).hasSize(1)
                .allSatisfy(mail -> assertThat(Mailbox.subject(mail)).contains("Confirm"));
    }

    @Test
    void theAnswerIsTheSameWhateverTheAddressIsUpTo() {
        subscribers.confirmed("confirmed@customer.example");
        Subscribers.subscribe("pending@customer.example");

        List<String> answers = List.of("new@customer.example", "pending@customer.example", "confirmed@customer.example",
                        "CONFIRMED@customer.example")
                .stream().map(email -> given().contentType(ContentType.JSON).body(Map.of("email", email))
                        .post("/api/v1/subscriptions").then().statusCode(202).extract().asString())
                .distinct().toList();

        assertThat(answers).hasSize(1);
        assertThat(Mailbox.awaitTo("new@customer.example", 1)).hasSize(1);
        assertThat(Mailbox.distinct(Mailbox.to("confirmed@customer.example"))).as("a confirmed address gets no new mail")
                .extracting(Mailbox::subject).containsExactlyInAnyOrder("[Example Company] Confirm your subscription to our sub-processor changes",
                        "[Example Company] Your subscription to our sub-processor changes is confirmed");
        assertThat(Mailbox.distinct(Mailbox.to("pending@customer.example"))).as("within the cooldown, no second confirmation")
                .hasSize(1);
    }

    @Test
    void subscribingIsRateLimitedPerClient() {
        for (int i = 0; i < 10; i++) {
            given().contentType(ContentType.JSON).body(Map.of("email", "someone" + i + "@customer.example"))
                    .post("/api/v1/subscriptions").then().statusCode(202);
        }
        given().contentType(ContentType.JSON).body(Map.of("email", "one-more@customer.example"))
                .post("/api/v1/subscriptions").then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", Matchers.matchesPattern("\\d+"));
    }

    @Test
    void badAddressesAndHeaderBreakingInputAreRefused() {
        for (Object email : List.of("not-an-address", "a@b", "victim@example.com\r\nBcc: everyone@example.com",
                "nul\u0000@example.com", "x".repeat(250) + "@example.com", 42)) {
            given().contentType(ContentType.JSON).body(Map.of("email", email)).post("/api/v1/subscriptions")
                    .then().statusCode(Matchers.oneOf(400, 422)).contentType("application/problem+json");
        }
        given().contentType(ContentType.JSON).body(Map.of("email", "ok@example.com", "organisation", "Evil\r\nCorp"))
                .post("/api/v1/subscriptions").then().statusCode(422);
        given().contentType(ContentType.JSON).body(Map.of("email", "ok@example.com", "sections", List.of("marketing")))
                .post("/api/v1/subscriptions").then().statusCode(422).body("detail", containsString("unknown section"));
        Mailbox.awaitSettled();
        assertThat(Mailbox.all()).isEmpty();
    }

    @Test
    void confirmationLinksExpire() {
        Subscribers.subscribe("slow@customer.example");
        String token = Mailbox.link(Mailbox.awaitTo("slow@customer.example", 1).get(0), Subscribers.CONFIRM_PREFIX)
                .substring(Subscribers.CONFIRM_PREFIX.length());

        clock.advance(Duration.ofHours(49));

        given().post("/api/v1/subscriptions/confirmations/" + token).then().statusCode(410)
                .body("detail", containsString("expired"));
        given().post("/api/v1/subscriptions/confirmations/not-a-token").then().statusCode(404);
    }

    @Test
    void whoConfirmsWhileAVersionIsUpcomingGetsItsAnnouncement() {
        Api.addToDraft(Entries.named("Postmark"));
        Api.publishOrFail(today().plusDays(31), "Adds Postmark");

        subscribers.confirmed("late@customer.example");

        assertThat(Mailbox.awaitTo("late@customer.example", 3)).extracting(Mailbox::subject)
                .containsExactlyInAnyOrder("[Example Company] Confirm your subscription to our sub-processor changes",
                        "[Example Company] Your subscription to our sub-processor changes is confirmed",
                        "[Example Company] Upcoming change to our sub-processors, effective April 2, 2026");
    }

    @Test
    void subscribersHearOnlyAboutTheSectionsTheyFollow() {
        subscribers.confirmed("sales@customer.example", "sales");
        subscribers.confirmed("everything@customer.example");
        Api.addToDraft(Entries.named("Postmark").in("support"));
        Api.publishOrFail(today().plusDays(31), "Adds Postmark to support");

        // a confirmation and a welcome each, and the announcement only to who follows support
        assertThat(Mailbox.awaitTo("everything@customer.example", 3)).hasSize(3);
        assertThat(Mailbox.distinct(Mailbox.to("sales@customer.example"))).hasSize(2);
    }

    @Test
    void subjectsAndHeadersStaySaneWhateverTheData() {
        subscribers.confirmed("reader@customer.example");
        Api.addToDraft(Entries.named("Ünïcødé Processing Company With A Very Long Name ".repeat(4).strip()));
        Api.addToDraft(Entries.named("Second <script>alert(1)</script> Ltd"));
        Api.publish(Map.of("effectiveAt", today().plusDays(2).toString(), "summary", "Urgent replacement",
                "emergencyReason", "The old provider failed.\nBcc: everyone@example.com"));

        MimeMessage mail = Mailbox.awaitTo("reader@customer.example", 3).stream()
                .filter(candidate -> Mailbox.subject(candidate).contains("Upcoming change to our sub-processors")).findFirst().orElseThrow();
        assertThat(Mailbox.subject(mail)).hasSizeLessThanOrEqualTo(150).doesNotContain("\n");
        assertThat(Mailbox.header(mail, "Bcc")).isNull();
        String headers = Mailbox.raw(mail).split("\r?\n\r?\n", 2)[0];
        assertThat(headers).doesNotContainPattern("(?mi)^Bcc:");
        assertThat(Mailbox.part(mail, "text/html")).contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script>alert(1)</script>");
        assertThat(Mailbox.part(mail, "text/plain")).contains("The old provider failed.");
    }

    private void assertListHeaders(MimeMessage mail) {
        assertThat(Mailbox.header(mail, "List-Unsubscribe")).matches("<http://localhost:8080/unsubscribe/[A-Za-z0-9_-]{43}>");
        assertThat(Mailbox.header(mail, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(Mailbox.header(mail, "List-Id")).isEqualTo("Example Company sub-processor notices <subprocessors.localhost>");
        assertThat(Mailbox.header(mail, "Message-ID")).matches("<notice-[0-9a-f-]{36}@subprocessors\\.localhost>");
    }

    private static void assertBothParts(MimeMessage mail) {
        assertThat(Mailbox.parts(mail)).extracting(part -> part[0].toLowerCase().replaceAll(";.*", ""))
                .contains("text/plain", "text/html");
    }

    private static MimeMessage last(List<MimeMessage> mails) {
        return mails.get(mails.size() - 1);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static String idOf(String name) {
        return asLegal().get("/api/v1/draft").path("sections.subprocessors.flatten().find { it.name == '" + name + "' }.id");
    }
}
