package io.subregistry.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.filter.cookie.CookieFilter;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.subregistry.support.Mailbox;
import io.subregistry.support.RegistryTest;
import io.subregistry.support.Staff;
import io.subregistry.support.Subscribers;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The language of a subscriber's mails: chosen in the form or the API, shown and changed on the manage page. */
@QuarkusTest
class SubscriberLanguageTest extends RegistryTest {

    private static final String MANAGE_PREFIX = "http://localhost:8080/subscription/";

    private String languageOf(String email) {
        return database.lines("select coalesce(language, '-') from subscriber where email = '" + email + "'").get(0);
    }

    @Test
    void theFormOffersTheLanguageAndStoresTheChoice() {
        CookieFilter cookies = new CookieFilter();
        Response page = RestAssured.given().filter(cookies).get("/?lang=de");
        String csrf = page.cookie("csrf");

        Response accepted = RestAssured.given().filter(cookies).redirects().follow(false)
                .contentType("application/x-www-form-urlencoded").formParam("csrf", csrf)
                .formParam("email", "fr@customer.example").formParam("language", "fr").post("/subscribe?lang=de");
        assertThat(accepted.statusCode()).isEqualTo(303);
        assertThat(accepted.header("Location")).endsWith("/?done=subscribed&lang=de");
        assertThat(languageOf("fr@customer.example")).isEqualTo("fr");

        // without a choice in the form, the page's language
        RestAssured.given().filter(cookies).contentType("application/x-www-form-urlencoded").formParam("csrf", csrf)
                .formParam("email", "de@customer.example").post("/subscribe?lang=de").then().statusCode(200);
        assertThat(languageOf("de@customer.example")).isEqualTo("de");

        // a language not offered is a problem shown beside the field, in the page's language
        Response refused = RestAssured.given().filter(cookies).contentType("application/x-www-form-urlencoded")
                .formParam("csrf", csrf).formParam("email", "es@customer.example").formParam("language", "es")
                .post("/subscribe?lang=de");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.asString()).contains("Sie sind noch nicht angemeldet")
                .contains("<p class=\"error\" id=\"language-error\">Wählen Sie eine der angebotenen Sprachen.</p>");
        assertThat(database.count("select count(*) from subscriber where email = 'es@customer.example'")).isZero();
    }

    @Test
    void theApiTakesALanguageOrATagForOneAndRefusesOthers() {
        given().contentType(ContentType.JSON).body(Map.of("email", "swiss@customer.example", "language", "de-CH"))
                .post("/api/v1/subscriptions").then().statusCode(202);
        assertThat(languageOf("swiss@customer.example")).isEqualTo("de");
        given().contentType(ContentType.JSON).body(Map.of("email", "none@customer.example"))
                .post("/api/v1/subscriptions").then().statusCode(202);
        assertThat(languageOf("none@customer.example")).isEqualTo("-");

        Response refused = given().contentType(ContentType.JSON).body(Map.of("email", "es@customer.example", "language", "es"))
                .post("/api/v1/subscriptions");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.asString()).contains("language").contains("en, de or fr");
        assertThat(database.count("select count(*) from subscriber where email = 'es@customer.example'")).isZero();
    }

    @Test
    void theManagePageShowsAndChangesTheLanguageAndTheAuditLogRecordsIt() {
        String email = "dpo@customer.example";
        given().contentType(ContentType.JSON).body(Map.of("email", email, "language", "fr"))
                .post("/api/v1/subscriptions").then().statusCode(202);
        MimeMessage confirmation = Mailbox.awaitTo(email, 1).get(0);
        given().post(Mailbox.link(confirmation, Subscribers.CONFIRM_PREFIX).replace("http://localhost:8080", ""))
                .then().statusCode(200);
        List<MimeMessage> mails = Mailbox.awaitTo(email, 2);
        String manage = Mailbox.link(mails.get(1), MANAGE_PREFIX).replace("http://localhost:8080", "");

        String shown = given().get(manage + "?lang=fr").asString();
        assertThat(shown).contains("<h1>Votre abonnement</h1>").contains("Statut\u00a0: confirmé.")
                .contains("<strong lang=\"fr\">Français</strong>")
                .contains("<option value=\"fr\" lang=\"fr\" selected>Français</option>")
                .contains("action=\"" + manage + "?lang=fr\"");

        String saved = given().contentType("application/x-www-form-urlencoded").formParam("language", "de")
                .post(manage + "?lang=fr").then().statusCode(200).extract().asString();
        assertThat(saved).contains("Enregistré.").contains("<strong lang=\"de\">Deutsch</strong>");
        assertThat(languageOf(email)).isEqualTo("de");
        assertThat(Staff.asAuditor().get("/api/v1/audit-log?action=SUBSCRIBER_LANGUAGE_CHANGED").asString())
                .contains("\"to\":\"de\"").contains("\"from\":\"fr\"");

        given().contentType("application/x-www-form-urlencoded").formParam("language", "xx").post(manage)
                .then().statusCode(400);
        assertThat(languageOf(email)).isEqualTo("de");

        // the status is worded in the page's language
        assertThat(given().get(manage + "?lang=de").asString()).contains("Status: bestätigt.");
        assertThat(given().get(manage + "?lang=en").asString()).contains("Status: confirmed.");
    }
}
