package io.subregistry.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.subregistry.support.Api;
import io.subregistry.support.Entries;
import io.subregistry.support.Mailbox;
import io.subregistry.support.RegistryTest;
import io.subregistry.support.Subscribers;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static io.subregistry.support.Subscribers.OBJECTION_PREFIX;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * A closed objection link says why in the reader's language, not in the service's English: the
 * page words the form's closedReason; the API keeps its English closedBecause beside the kind.
 */
@QuarkusTest
class ObjectionPageLanguagesTest extends RegistryTest {

    private static final String DPO = "datenschutz@kunde.example";

    @Inject
    Subscribers subscribers;

    @Test
    void afterTheDeadlineThePageSaysWhyInGermanAndFrenchAndAFormSentLateGetsTheSameAnswer() {
        subscribers.confirmed(DPO);
        Api.addToDraft(Entries.named("Postmark").in("support"));
        int version = Api.publishOrFail(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(31), "Adds Postmark");
        List<MimeMessage> mails = Mailbox.awaitTo(DPO, 3);
        MimeMessage announcement = mails.stream().filter(mail -> Mailbox.subject(mail).contains("Upcoming change")).findFirst()
                .orElseThrow();
        String token = Mailbox.link(announcement, OBJECTION_PREFIX).substring(OBJECTION_PREFIX.length());
        String postmark = given().get("/api/v1/objections/" + token).path("additions[0].subprocessor.id");

        clock.advance(Duration.ofDays(40));

        given().get("/api/v1/objections/" + token).then().statusCode(200)
                .body("open", equalTo(false))
                .body("closedReason", equalTo("DEADLINE_PASSED"))
                .body("closedBecause", startsWith("the objection deadline for version " + version + " passed on"));
        String german = given().get("/objection/" + token + "?lang=de").then().statusCode(200).extract().asString();
        assertThat(german).contains("Ein Widerspruch kann nicht erfasst werden: die Widerspruchsfrist für Fassung " + version
                + " ist am ").contains("abgelaufen.").doesNotContain("objection deadline").doesNotContain("passed on");
        String french = given().get("/objection/" + token + "?lang=fr").then().statusCode(200).extract().asString();
        assertThat(french).contains("le délai d’opposition à la version " + version + " a expiré le ").doesNotContain("passed on");
        assertThat(given().get("/objection/" + token).asString())
                .contains("No objection can be recorded: the objection deadline for version " + version + " passed on");

        // a form filled in before the deadline and sent after it: the form again, the reason in German, nothing recorded
        String late = given().contentType(ContentType.URLENC).formParam("subprocessorIds", postmark)
                .formParam("reason", "Zu spät geschickt.").post("/objection/" + token + "?lang=de")
                .then().statusCode(422).extract().asString();
        assertThat(late).contains("die Widerspruchsfrist für Fassung " + version + " ist am ").doesNotContain("passed on");
        given().get("/api/v1/objections/" + token).then().body("existing", nullValue());
    }
}
