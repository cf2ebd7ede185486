package io.subregistry.notice.mail;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.filter.cookie.CookieFilter;
import io.restassured.http.ContentType;
import io.subregistry.support.Api;
import io.subregistry.support.Entries;
import io.subregistry.support.Mailbox;
import io.subregistry.support.RegistryTest;
import io.subregistry.support.Subscribers;
import jakarta.inject.Inject;
import jakarta.mail.Address;
import jakarta.mail.Header;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static io.subregistry.support.Staff.asLegal;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A CR or LF in anything that reaches a mail header never makes a header of its own: the recipient
 * (the subscriber's address) and the subject (with the company's name), whether the value
 * comes through the API and the forms (refused there) or is already in the database (flattened
 * where the mail is built).
 */
@QuarkusTest
class MailHeaderInjectionTest extends RegistryTest {

    private static final List<String> BREAKS = List.of("\r\n", "\n", "\r", "\u2028", "\u0085", "\r\n\r\n");
    private static final String DPO = "dpo@customer.example";
    private static final String VICTIM = "victim@attacker.example";

    @Inject
    Subscribers subscribers;

    @Test
    void theApiAndTheFormsRefuseALineBreakInEveryFieldThatReachesAHeader() {
        CookieFilter browser = new CookieFilter();
        String page = given().filter(browser).get("/").asString();
        Matcher csrf = Pattern.compile("name=\"csrf\" value=\"([A-Za-z0-9_-]{43})\"").matcher(page);
        assertThat(csrf.find()).isTrue();
        for (String newline : BREAKS) {
            String email = "someone@customer.example" + newline + "Bcc: " + VICTIM;
            assertThat(given().contentType(ContentType.JSON).body(Map.of("email", email)).post("/api/v1/subscriptions")
                    .statusCode()).as("subscription email with %s", escaped(newline)).isBetween(400, 499);
            assertThat(given().contentType(ContentType.JSON).body(Map.of("email", DPO, "organisation", "Org" + newline
                    + "X-Injected: yes")).post("/api/v1/subscriptions").statusCode()).isBetween(400, 499);
            assertThat(given().filter(browser).contentType("application/x-www-form-urlencoded").formParam("csrf", csrf.group(1))
                    .formParam("email", email).post("/subscribe").statusCode()).isBetween(400, 499);
            assertThat(asLegal().contentType(ContentType.JSON).body(Entries.named("Evil" + newline + "Bcc: " + VICTIM).body())
                    .post("/api/v1/draft/subprocessors").statusCode()).as("sub-processor name").isBetween(400, 499);
            assertThat(asLegal().contentType(ContentType.JSON).body(Map.of("key", "evil", "title", "Evil" + newline
                    + "X-Injected: yes")).post("/api/v1/draft/sections").statusCode()).as("section title").isBetween(400, 499);
        }
        Mailbox.awaitSettled();
        assertThat(Mailbox.all()).isEmpty();
    }

    @Test
    void valuesAlreadyStoredWithLineBreaksAreFlattenedWhereTheMailIsBuilt() throws Exception {
        subscribers.confirmed(DPO);
        subscribers.confirmed("other@customer.example");
        // as if a value had got past every check: an address and a name carrying header lines
        database.execute("update subscriber set email = E'other@customer.example\\r\\nBcc: " + VICTIM
                + "' where email = 'other@customer.example'");
        Api.addToDraft(Entries.named("Evil Corp").in("support"));
        database.execute("update draft_subprocessor set name = E'Evil Corp\\r\\nBcc: " + VICTIM
                + "\\r\\nX-Injected: yes\\n\\nbody' where name = 'Evil Corp'");
        database.execute("update draft_section set title = E'Support\\r\\nX-Injected: yes' where key = 'support'");
        Api.publishWithNotice("Adds a processor whose name carries header lines");

        // the confirmation, the welcome and the announcement
        MimeMessage announcement = Mailbox.awaitTo(DPO, 3).stream()
                .filter(mail -> Mailbox.subject(mail).contains("Upcoming change to our sub-processors")).findFirst().orElseThrow();
        // the subject names no sub-processor (it is "[Company] Upcoming change…, effective <date>"); the body does
        assertThat(Mailbox.subject(announcement)).doesNotContain("\r").doesNotContain("\n");
        assertThat(Mailbox.part(announcement, "text/plain")).contains("Evil Corp");
        Mailbox.awaitSettled();
        List<String> problems = new ArrayList<>();
        for (MimeMessage mail : Mailbox.all()) {
            Address[] all = mail.getAllRecipients();
            if (all == null || all.length != 1) {
                problems.add("recipients " + (all == null ? "none" : List.of(all)));
            }
            for (Message.RecipientType type : List.of(Message.RecipientType.CC, Message.RecipientType.BCC)) {
                Address[] copies = mail.getRecipients(type);
                if (copies != null && copies.length > 0) {
                    problems.add(type + " " + List.of(copies));
                }
            }
            for (Header header : Collections.list(mail.getAllHeaders())) {
                if (header.getName().equalsIgnoreCase("X-Injected") || header.getName().equalsIgnoreCase("Bcc")) {
                    problems.add("header " + header.getName() + ": " + header.getValue());
                }
            }
            String raw = Mailbox.raw(mail);
            String head = raw.substring(0, Math.max(0, raw.indexOf("\r\n\r\n")));
            if (Pattern.compile("(?im)^(bcc|x-injected|body)\\b").matcher(head).find()) {
                problems.add("an injected line in the header block:\n" + head);
            }
        }
        assertThat(problems).isEmpty();
        assertThat(Mailbox.to(VICTIM)).isEmpty();
    }

    private static String escaped(String text) {
        return text.chars().mapToObj(c -> String.format("\\u%04x", c)).reduce("", String::concat);
    }
}
