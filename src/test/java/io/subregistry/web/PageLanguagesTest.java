package io.subregistry.web;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.subregistry.notice.Subscriber;
import io.subregistry.platform.i18n.Language;
import io.subregistry.registry.version.VersionStatus;
import io.subregistry.support.Api;
import io.subregistry.support.Entries;
import io.subregistry.support.RegistryTest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static io.subregistry.support.EnumWords.assertOwnWords;
import static io.subregistry.support.Staff.asLegal;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages in English, German and French: chosen with ?lang=, else by the browser's
 * Accept-Language; dates in the reader's style; statuses worded from their enums; what legal
 * staff entered shown as entered.
 */
@QuarkusTest
class PageLanguagesTest extends RegistryTest {

    private static final String NBSP = "\u00a0";

    @Test
    void aGermanBrowserGetsTheListInGermanWithGermanDates() {
        Response page = given().header("Accept-Language", "de-CH, de;q=0.9, en;q=0.5").get("/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.header("Content-Language")).isEqualTo("de");
        assertThat(page.header("Vary")).contains("Accept-Language");
        String html = page.asString();
        assertThat(html).contains("<html lang=\"de\">")
                .contains("<title>Example Company — Unterauftragsverarbeiter</title>")
                .contains("<h1>Example Company — Unterauftragsverarbeiter</h1>")
                .contains("Zuletzt aktualisiert: <strong>2. Februar 2026</strong> · Fassung 2")
                .contains("<th scope=\"col\">Unterauftragsverarbeiter</th><th scope=\"col\">Anschrift</th>")
                .contains("<label for=\"language\">Sprache der E-Mails</label>")
                .contains("<option value=\"de\" lang=\"de\" selected>Deutsch</option>")
                // what legal staff entered stays as entered
                .contains("Product-related sub-processors")
                .doesNotContain("Last updated");
        // the browser chose, not the reader: the site's own links stay plain
        assertThat(html).contains("href=\"/history\"").doesNotContain("/history?lang=");
    }

    @Test
    void aChosenLanguageWinsOverTheBrowserAndStaysOnTheSitesOwnLinks() {
        String html = given().header("Accept-Language", "de").get("/?lang=fr").asString();

        assertThat(html).contains("<html lang=\"fr\">")
                .contains("<h1>Example Company — Sous-traitants ultérieurs</h1>")
                .contains("Dernière mise à jour" + NBSP + ": <strong>2 février 2026</strong>")
                .contains("href=\"/history?lang=fr\"").contains("href=\"/about-the-api?lang=fr\"")
                .contains("action=\"/subscribe?lang=fr\"")
                // the language links: each in its own language, the current one marked
                .contains("<a href=\"/?lang=fr\" lang=\"fr\" hreflang=\"fr\" aria-current=\"true\">Français</a>")
                .contains("<a href=\"/?lang=de\" lang=\"de\" hreflang=\"de\">Deutsch</a>")
                .contains("<a href=\"/?lang=en\" lang=\"en\" hreflang=\"en\">English</a>");
        String history = given().get("/history?lang=fr").asString();
        assertThat(history).contains("<h1>Historique</h1>").contains("href=\"/versions/2?lang=fr\"")
                .contains("href=\"/diff?from=1&amp;to=2&amp;lang=fr\"");
        // a switch keeps the page's other parameters
        assertThat(given().get("/diff?from=1&to=2&lang=de").asString())
                .contains("<a href=\"/diff?from=1&amp;to=2&amp;lang=fr\" lang=\"fr\" hreflang=\"fr\">Français</a>")
                .contains("<h2>Von Fassung 1 zu Fassung 2</h2>");
    }

    @Test
    void anUnknownLanguageIsIgnoredAndEnglishStaysTheDefault() {
        Response unknown = given().get("/?lang=xx");
        assertThat(unknown.statusCode()).isEqualTo(200);
        assertThat(unknown.header("Content-Language")).isEqualTo("en");
        assertThat(unknown.asString()).contains("<h1>Example Company — Sub-processors</h1>")
                .contains("Last updated: <strong>February 2, 2026</strong>").contains("href=\"/history\"");

        assertThat(given().header("Accept-Language", "es").queryParam("lang", "nonsense").get("/history").asString())
                .contains("<html lang=\"en\">").contains("<h1>History</h1>");
        // a tag for an offered language counts as that language
        assertThat(given().get("/?lang=de-AT").header("Content-Language")).isEqualTo("de");
    }

    @Test
    void upcomingChangesAndTheirDatesFollowTheLanguage() {
        Api.addToDraft(Entries.named("Postmark").in("support"));
        int version = Api.publishOrFail(LocalDate.of(2027, 2, 1), "Adds Postmark");

        assertThat(given().get("/").asString()).contains("From February 1, 2027");
        assertThat(given().get("/?lang=de").asString()).contains("<h2 id=\"upcoming-title\">Bevorstehende Änderungen</h2>")
                .contains("Ab 1. Februar 2027").contains("<span class=\"badge added\">Hinzugefügt</span> <strong>Postmark</strong>")
                .contains("Adds Postmark");
        assertThat(given().get("/?lang=fr").asString()).contains("À partir du 1 février 2027")
                .contains("<span class=\"badge added\">Ajouté</span>");
        assertThat(given().get("/versions/" + version + "?lang=de").asString())
                .contains("<h1>Fassung " + version + "</h1>").contains("<td>1. Februar 2027</td>").contains("<td>bevorstehend</td>");
        assertThat(given().get("/history?lang=fr").asString()).contains("1 ajout").contains("1 février 2027");
    }

    @Test
    void everyVersionAndSubscriptionStatusHasItsOwnWordsInEveryLanguage() {
        for (Language language : Language.offered()) {
            PageMessages msg = MessageBundles.get(PageMessages.class, Localized.Literal.of(language.tag()));
            assertOwnWords(language, VersionStatus.values(), msg::versionStatus);
            assertOwnWords(language, VersionStatus.values(), msg::versionBadge);
            assertOwnWords(language, Subscriber.Status.values(), msg::subscriptionStatus);
        }
        PageMessages english = MessageBundles.get(PageMessages.class, Localized.Literal.of("en"));
        assertThat(english.versionStatus(VersionStatus.SUPERSEDED)).isEqualTo("superseded");
        assertThat(english.versionBadge(VersionStatus.CURRENT)).isEqualTo("Current");
        assertThat(english.subscriptionStatus(Subscriber.Status.PENDING)).isEqualTo("Status: pending.");
    }

    @Test
    void theHistoryAndTheVersionPagesWordEveryStatusInGerman() {
        Api.addToDraft(Entries.named("Postmark").in("support"));
        int upcoming = Api.publishOrFail(LocalDate.of(2027, 2, 1), "Adds Postmark");

        String history = given().get("/history?lang=de").asString();
        assertThat(history).contains(">Fassung " + upcoming + "</a> <span class=\"badge modified\">Bevorstehend</span></th>")
                .contains(">Fassung 2</a> <span class=\"badge new\">Aktuell</span></th>")
                .contains(">Fassung 1</a></th>")
                .contains("1 hinzugefügt").doesNotContain("added");
        assertThat(given().get("/versions/1?lang=de").asString()).contains("<td>abgelöst</td>");
        assertThat(given().get("/versions/2?lang=de").asString()).contains("<td>aktuell</td>");

        asLegal().contentType(ContentType.JSON).body(Map.of("reason", "Planned again later."))
                .post("/api/v1/versions/" + upcoming + "/withdrawal").then().statusCode(200);
        assertThat(given().get("/history?lang=de").asString())
                .contains(">Fassung " + upcoming + "</a> <span class=\"badge removed\">Zurückgezogen</span></th>");
        assertThat(given().get("/versions/" + upcoming + "?lang=de").asString()).contains("<td>zurückgezogen</td>")
                .contains("<th scope=\"row\">Zurückgezogen</th>");
        assertThat(given().get("/history?lang=fr").asString())
                .contains(">Version " + upcoming + "</a> <span class=\"badge removed\">Retirée</span></th>");
    }

    @Test
    void errorPagesAndTheOtherPagesSpeakTheReadersLanguage() {
        Response missing = given().header("Accept-Language", "fr").get("/versions/99");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.header("Content-Language")).isEqualTo("fr");
        assertThat(missing.asString()).contains("<h1>Cette version n’existe pas</h1>")
                .contains("Voir la liste en vigueur des sous-traitants ultérieurs");

        Response unknownPath = given().get("/no-such-page?lang=de");
        assertThat(unknownPath.statusCode()).isEqualTo(404);
        assertThat(unknownPath.asString()).contains("<h1>Seite nicht gefunden</h1>").contains("href=\"/?lang=de\"");

        assertThat(given().get("/about-the-api?lang=de").asString()).contains("<h1>Die API und die Formate</h1>");
        assertThat(given().get("/diff?from=1&to=9&lang=fr").asString())
                .contains("Choisissez deux versions publiées (de 1 à 2).");
    }
}
