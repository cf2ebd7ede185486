package io.subregistry.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.filter.cookie.CookieFilter;
import io.restassured.response.Response;
import io.subregistry.support.Api;
import io.subregistry.support.Entries;
import io.subregistry.support.Mailbox;
import io.subregistry.support.RegistryTest;
import io.subregistry.support.Subscribers;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.subregistry.support.Subscribers.OBJECTION_PREFIX;
import static io.restassured.RestAssured.given;
import static io.subregistry.support.Staff.asLegal;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The subscriber's side closed as a loop: the thank-you where people look, errors beside their
 * fields, a welcome with the manage link, a receipt for an objection and a mail when it is resolved,
 * dead links that lead back to the subscribe form.
 */
@QuarkusTest
class SubscriberLoopTest extends RegistryTest {

    private static final String DPO = "dpo@loop.example";
    private static final String MANAGE_PREFIX = "http://localhost:8080/subscription/";
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([A-Za-z0-9_-]{43})\"");

    @Inject
    Subscribers subscribers;

    @Test
    void subscribingRedirectsToTheThankYouAtTheTopAndAProblemComesBackBesideItsField() {
        CookieFilter cookies = new CookieFilter();
        String csrf = csrfOf(RestAssured.given().filter(cookies).get("/").asString());

        Response refused = RestAssured.given().filter(cookies).redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("csrf", csrf).formParam("email", "not an address").formParam("organisation", "Customer GmbH")
                .formParam("sections", "support").post("/subscribe");
        assertThat(refused.statusCode()).isEqualTo(422);
        String page = refused.asString();
        assertThat(page).doesNotContain("Please check: email");
        int summary = page.indexOf("You are not subscribed yet");
        assertThat(summary).as("a summary of the problems").isPositive()
                .isLessThan(page.indexOf("<section aria-labelledby=\"section-product\"")).as("above the list");
        assertThat(page).contains("<a href=\"#email\">Enter your e-mail address, like name@example.com.</a>")
                .contains("<p class=\"error\" id=\"email-error\">Enter your e-mail address")
                .contains("value=\"not an address\"").contains("value=\"Customer GmbH\"")
                .containsPattern("value=\"support\" checked");

        Response accepted = RestAssured.given().filter(cookies).redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("csrf", csrf).formParam("email", DPO).post("/subscribe");
        assertThat(accepted.statusCode()).as("post/redirect/get").isEqualTo(303);
        assertThat(accepted.header("Location")).endsWith("/?done=subscribed");
        String thanked = given().get("/?done=subscribed").asString();
        int thanks = thanked.indexOf("Thank you. If this address can receive mail");
        assertThat(thanks).isPositive().isLessThan(thanked.indexOf("<section aria-labelledby=\"section-product\""));
    }

    @Test
    void aConfirmedSubscriberIsWelcomedWithTheManageLink() {
        Subscribers.subscribe(DPO, "support");
        MimeMessage confirmation = Mailbox.awaitTo(DPO, 1).get(0);
        assertThat(Mailbox.part(confirmation, "text/plain")).as("section titles, not keys")
                .contains("(sections: Customer Support related sub-processors)").doesNotContainPattern("T\\d\\d:\\d\\d:\\d\\d");
        String confirm = Mailbox.link(confirmation, Subscribers.CONFIRM_PREFIX).replace("http://localhost:8080", "");
        assertThat(given().get(confirm).asString()).contains(DPO);
        given().post(confirm).then().statusCode(200);

        MimeMessage welcome = Mailbox.awaitTo(DPO, 2).get(1);
        assertThat(Mailbox.subject(welcome)).isEqualTo("[Example Company] Your subscription to our sub-processor changes is confirmed");
        assertThat(Mailbox.part(welcome, "text/plain")).contains("Customer Support related sub-processors");
        assertThat(Mailbox.part(welcome, "text/html")).contains("Manage my subscription");
        String manage = Mailbox.link(welcome, MANAGE_PREFIX).replace("http://localhost:8080", "");
        assertThat(given().get(manage).then().statusCode(200).extract().asString()).contains("Notices go to <strong>" + DPO);
        assertThat(Mailbox.header(welcome, "List-Unsubscribe")).startsWith("<http://localhost:8080/unsubscribe/");
    }

    @Test
    void aBadConfirmationLinkFailsBeforeTheClickAndLeadsBackToTheSubscribeForm() {
        Response invalid = given().get("/subscription/confirm/" + "x".repeat(43));
        assertThat(invalid.statusCode()).isEqualTo(404);
        assertThat(invalid.asString()).contains("not valid or was already used").doesNotContain("Confirm my subscription")
                .contains("<a href=\"/#subscribe\">Subscribe again</a>");

        Subscribers.subscribe(DPO);
        String confirm = Mailbox.link(Mailbox.awaitTo(DPO, 1).get(0), Subscribers.CONFIRM_PREFIX).replace("http://localhost:8080", "");
        clock.advance(Duration.ofDays(3));
        Response expired = given().get(confirm);
        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(expired.asString()).contains("This confirmation link expired on March 4, 2026, 10:00 UTC")
                .contains("<a href=\"/#subscribe\">Subscribe again</a>").doesNotContain("Confirm my subscription");
        assertThat(given().get("/unsubscribe/" + "y".repeat(43)).asString()).contains("<a href=\"/#subscribe\">Subscribe again</a>");
    }

    @Test
    void anObjectionIsReceiptedKeptFilledInOnAMistakeShownAgainAndAnsweredByMail() {
        subscribers.confirmed(DPO);
        Api.addToDraft(Entries.named("Postmark").in("support"));
        int version = Api.publishWithNotice("Adds Postmark for support e-mail");
        List<MimeMessage> mails = Mailbox.awaitTo(DPO, 3);
        MimeMessage announcement = mails.stream().filter(m -> Mailbox.subject(m).contains("Upcoming change")).findFirst().orElseThrow();
        String objection = Mailbox.link(announcement, OBJECTION_PREFIX).replace("http://localhost:8080", "");

        // the checkbox forgotten: the form comes back with the reason, the problem beside the field and at the top
        Response forgot = given().contentType("application/x-www-form-urlencoded").formParam("reason", "Our contract forbids it.")
                .post(objection);
        assertThat(forgot.statusCode()).isEqualTo(422);
        String page = forgot.asString();
        assertThat(page).contains("Your objection was not sent yet")
                .contains("<a href=\"#objected\">Tick at least one sub-processor you object to.</a>")
                .contains(">Our contract forbids it.</textarea>").contains("Send my objection");
        String postmark = Pattern.compile("name=\"subprocessorIds\" value=\"([0-9a-f-]{36})\"").matcher(page).results()
                .findFirst().orElseThrow().group(1);

        given().contentType("application/x-www-form-urlencoded").formParam("reason", "Our contract forbids it.")
                .formParam("subprocessorIds", postmark).post(objection).then().statusCode(200);
        MimeMessage receipt = Mailbox.awaitTo(DPO, 4).get(3);
        assertThat(Mailbox.subject(receipt)).isEqualTo("[Example Company] We received your objection to version " + version + " of our sub-processors");
        assertThat(Mailbox.part(receipt, "text/plain")).contains("You object to: Postmark").contains("Your reason: Our contract forbids it.")
                .contains("Received: March 2, 2026, 10:00 UTC").contains(OBJECTION_PREFIX);
        assertThat(Mailbox.part(receipt, "text/html")).contains("We received your objection");

        // reopening the link shows the reason and the status
        String reopened = given().get(objection).asString();
        assertThat(reopened).contains("Your objection").contains("Received, waiting for our legal team")
                .contains("Our contract forbids it.").contains("Postmark").doesNotContain("Send my objection")
                .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T");

        String id = asLegal().get("/api/v1/versions/" + version + "/objections").path("[0].id");
        asLegal().contentType("application/json").body("{\"outcome\":\"UPHELD\",\"note\":\"We will not use Postmark for you.\"}")
                .post("/api/v1/objections/" + id + "/resolution").then().statusCode(200);
        MimeMessage resolved = Mailbox.awaitTo(DPO, 5).get(4);
        assertThat(Mailbox.subject(resolved)).isEqualTo("[Example Company] Your objection to version " + version + " of our sub-processors: upheld");
        assertThat(Mailbox.part(resolved, "text/plain")).contains("Our answer: We will not use Postmark for you.");
        assertThat(given().get(objection).asString()).contains("Resolved: <strong>upheld</strong>")
                .contains("We will not use Postmark for you.");
    }

    @Test
    void theMailsOfTheLoopCarryNoInjectedHeader() {
        subscribers.confirmed(DPO);
        Api.addToDraft(Entries.named("Postmark").in("support"));
        Api.publishWithNotice("Adds Postmark");
        List<MimeMessage> mails = Mailbox.awaitTo(DPO, 3);
        MimeMessage announcement = mails.stream().filter(m -> Mailbox.subject(m).contains("Upcoming change")).findFirst().orElseThrow();
        String objection = Mailbox.link(announcement, OBJECTION_PREFIX).replace("http://localhost:8080", "");
        String postmark = Pattern.compile("name=\"subprocessorIds\" value=\"([0-9a-f-]{36})\"").matcher(given().get(objection).asString())
                .results().findFirst().orElseThrow().group(1);
        given().contentType("application/x-www-form-urlencoded").formParam("reason", "No.\r\nBcc: victim@evil.example")
                .formParam("subprocessorIds", postmark).post(objection).then().statusCode(200);
        for (MimeMessage mail : Mailbox.awaitTo(DPO, 4)) {
            assertThat(Mailbox.header(mail, "Bcc")).isNull();
            assertThat(Mailbox.parts(mail)).extracting(part -> part[0].toLowerCase().replaceAll(";.*", ""))
                    .contains("text/plain", "text/html");
        }
        assertThat(Mailbox.to("victim@evil.example")).isEmpty();
    }

    private static String csrfOf(String page) {
        Matcher matcher = CSRF.matcher(page);
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }
}
