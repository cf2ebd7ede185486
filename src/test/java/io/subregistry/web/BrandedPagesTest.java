package io.subregistry.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.subregistry.brand.BrandService;
import io.subregistry.brand.BrandSettings;
import io.subregistry.support.RegistryTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Base64;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The company's brand on every public page, the feed and the theme style sheet; a saved brand shows at once. */
@QuarkusTest
class BrandedPagesTest extends RegistryTest {

    /** A 1x1 transparent PNG. */
    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");

    @Inject
    BrandService brand;

    private void acmeHealth() {
        brand.save(new BrandSettings("Acme Health", "#7a1f5c", "https://acme-health.example/privacy",
                "https://acme-health.example/dpa", "https://acme-health.example/legal", "privacy@acme-health.example",
                "Acme Health GmbH · Berlin", "en"), "test");
    }

    @Test
    void aSavedBrandShowsAtOnceOnTheListInEveryLanguage() {
        assertThat(given().get("/").asString()).contains("<h1>Example Company — Sub-processors</h1>");
        assertThat(given().get("/?lang=de").asString()).contains("<h1>Example Company — Unterauftragsverarbeiter</h1>");

        acmeHealth();
        brand.uploadLogo(PNG, "test");
        String html = given().get("/").asString();
        String logo = brand.current().logo().url();
        assertThat(html).contains("<title>Acme Health — Sub-processors</title>").contains("<h1>Acme Health — Sub-processors</h1>")
                .contains("<img src=\"" + logo + "\" alt=\"Acme Health\" class=\"logo\">")
                .contains("<link rel=\"stylesheet\" href=\"/brand/theme.css?v=7a1f5c\">")
                .contains("<p>Acme Health GmbH · Berlin</p>")
                .contains("<a href=\"https://acme-health.example/privacy\">Privacy policy</a>")
                .contains("<a href=\"https://acme-health.example/dpa\">Data processing agreement (DPA)</a>")
                .contains("<a href=\"https://acme-health.example/legal\">Legal &amp; Policies</a>")
                .contains("<a href=\"mailto:privacy@acme-health.example\">privacy@acme-health.example</a>")
                .contains("title=\"Acme Health — Sub-processor changes\"");
        assertThat(html.indexOf("/assets/site.css")).as("the theme overrides site.css").isLessThan(html.indexOf("/brand/theme.css"));
        // answered again from the prepared bytes (on the event loop, the brand from the cache)
        assertThat(given().get("/").asString()).contains("<h1>Acme Health — Sub-processors</h1>");
        assertThat(given().get("/?lang=de").asString()).contains("<h1>Acme Health — Unterauftragsverarbeiter</h1>")
                .contains("<a href=\"https://acme-health.example/legal\">Rechtliches &amp; Richtlinien</a>")
                .contains("Fragen zum Datenschutz:");
        assertThat(given().get("/?lang=fr").asString()).contains("<h1>Acme Health — Sous-traitants ultérieurs</h1>")
                .contains("Politique de confidentialité");
        assertThat(given().get("/history").asString())
                .contains("<title>History of the sub-processor list · Acme Health — Sub-processors</title>")
                .contains("Acme Health GmbH · Berlin");
    }

    @Test
    void theThemeStyleSheetCarriesTheAccentColour() {
        acmeHealth();
        Response theme = given().get("/brand/theme.css?v=7a1f5c");
        assertThat(theme.statusCode()).isEqualTo(200);
        assertThat(theme.contentType()).startsWith("text/css");
        assertThat(theme.asString()).contains("--accent: #7a1f5c");
    }

    @Test
    void theFeedIsTitledWithTheCompanysName() {
        acmeHealth();
        String feed = given().get("/feed.atom").asString();
        assertThat(feed).contains("<title>Acme Health — Sub-processor changes</title>").contains("<name>Acme Health</name>")
                .contains("xml:lang=\"en\"");
    }

    @Test
    void subscriberPagesAreBrandedToo() {
        acmeHealth();
        Response invalid = given().get("/subscription/" + "x".repeat(43) + "?lang=de");
        assertThat(invalid.statusCode()).isEqualTo(404);
        assertThat(invalid.asString()).contains("Acme Health — Unterauftragsverarbeiter").contains("<h1>Ihre Anmeldung</h1>")
                .contains("Dieser Link ist nicht (mehr) gültig").contains("href=\"/?lang=de#subscribe\"");
    }
}
