package io.subregistry.web.embed;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.subregistry.brand.BrandService;
import io.subregistry.brand.BrandSettings;
import io.subregistry.support.Api;
import io.subregistry.support.Entries;
import io.subregistry.support.RegistryTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** /embed: the list for a frame on the company's legal page, framed only by the configured sites. */
@QuarkusTest
class EmbedPageTest extends RegistryTest {

    /** The test profile's registry.embed.allowed-origins (application.properties). */
    static final String ALLOWED = "http://127.0.0.1:23417";
    static final String EMBED_POLICY = "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self';"
            + " frame-ancestors 'self' " + ALLOWED + "; base-uri 'none'";

    @Inject
    BrandService brand;

    @Test
    void theUploadedLogoStandsBesideTheHeading() {
        brand.save(new BrandSettings("Acme Health", "#0b5fff", null, null, null, null, null, null), "test");
        brand.uploadLogo(java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII="), "test");
        String logo = brand.current().logo().url();

        assertThat(given().get("/embed").asString())
                .contains("<h1><img src=\"" + logo.replace("&", "&amp;") + "\" alt=\"\" class=\"logo\"> Acme Health — Sub-processors</h1>");
        given().get(logo).then().statusCode(200).contentType("image/png");
    }

    @Test
    void theListWithTheBrandWithoutTheSitesHeaderAndFooter() {
        brand.save(new BrandSettings("Acme Health", "#0b5fff", null, null, null, null, null, null), "test");

        Response page = given().get("/embed");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        String html = page.asString();
        assertThat(html).contains("<html lang=\"en\">").contains("<title>Acme Health — Sub-processors</title>")
                .contains("<h1>Acme Health — Sub-processors</h1>")
                .contains("Last updated: <time datetime=\"2026-02-02\">February 2, 2026</time> · version 2")
                .contains("Product-related sub-processors").contains("Sales activities related sub-processors")
                .contains("Customer Support related sub-processors")
                .contains("<th scope=\"col\">Sub-processor</th><th scope=\"col\">Legal address</th>")
                .contains("Gong.io <span class=\"badge new\">New</span>")
                .contains("<a class=\"button\" href=\"/?lang=en#subscribe\" target=\"_blank\" rel=\"noopener\">Get notified of changes by e-mail")
                .doesNotContain("<header").doesNotContain("<footer").doesNotContain("<form").doesNotContain("<script")
                .doesNotContain("Upcoming changes");
        // the brand's theme after the embed's own style sheet, so that its accent wins
        assertThat(html.indexOf("href=\"/assets/embed.css\"")).isPositive()
                .isLessThan(html.indexOf("href=\"/brand/theme.css?v=0b5fff\""));
        // every link leaves the frame for a new tab, the way back to the company's page stays open
        assertThat(html.split("<a ", -1)).hasSize(html.split("target=\"_blank\" rel=\"noopener\"", -1).length);
        given().get("/assets/embed.css").then().statusCode(200);
    }

    @Test
    void onlyTheConfiguredSitesMayFrameTheEmbedEveryOtherPageNoSite() {
        Response embed = given().get("/embed");
        assertThat(embed.header("Content-Security-Policy")).isEqualTo(EMBED_POLICY);
        assertThat(embed.header("X-Frame-Options")).isNull();
        Response unknownSection = given().get("/embed?section=nope");
        assertThat(unknownSection.header("Content-Security-Policy")).isEqualTo(EMBED_POLICY);
        assertThat(unknownSection.header("X-Frame-Options")).isNull();

        for (String path : List.of("/", "/history", "/versions/2", "/diff", "/about-the-api", "/console/login", "/no-such-page",
                "/api/v1/subprocessors?format=html")) {
            Response other = given().get(path);
            assertThat(other.header("Content-Security-Policy")).as(path).contains("frame-ancestors 'none'")
                    .doesNotContain(ALLOWED);
            assertThat(other.header("X-Frame-Options")).as(path).isEqualTo("DENY");
        }
        for (String path : List.of("/api/v1/subprocessors", "/feed.atom", "/brand/theme.css")) {
            assertThat(given().get(path).header("X-Frame-Options")).as(path).isEqualTo("DENY");
        }
    }

    @Test
    void oneSectionAndAnUnknownSection() {
        String product = given().get("/embed?section=product").asString();
        assertThat(product).contains("Product-related sub-processors")
                .doesNotContain("Sales activities related sub-processors").doesNotContain("Customer Support related sub-processors");

        Response unknown = given().get("/embed?section=%3Cb%3Enope");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("text/html");
        assertThat(unknown.asString()).contains("There is no such section in the list.")
                .contains("<a href=\"/embed?lang=en\">Show the whole list</a>")
                .doesNotContain("<b>nope").doesNotContain("Product-related sub-processors");
    }

    @Test
    void theReadersLanguageFromLangThenAcceptLanguage() {
        String german = given().get("/embed?lang=de").asString();
        assertThat(german).contains("<html lang=\"de\">").contains("— Unterauftragsverarbeiter</h1>")
                .contains("Zuletzt aktualisiert: <time datetime=\"2026-02-02\">2. Februar 2026</time> · Fassung 2")
                .contains("<th scope=\"col\">Unterauftragsverarbeiter</th><th scope=\"col\">Anschrift</th>")
                .contains("<span class=\"badge new\">Neu</span>").contains("href=\"/?lang=de#subscribe\"")
                .contains("Per E-Mail über Änderungen informiert werden").doesNotContain("Last updated");

        Response french = given().header("Accept-Language", "fr-CH, fr;q=0.9, en;q=0.5").get("/embed");
        assertThat(french.header("Vary")).contains("Accept-Language");
        assertThat(french.asString()).contains("<html lang=\"fr\">").contains("— Sous-traitants ultérieurs</h1>")
                .contains("Dernière mise à jour : <time datetime=\"2026-02-02\">2 février 2026</time>")
                .contains("Activité de traitement");

        // ?lang= wins over the browser, and combines with ?section=
        String germanProduct = given().header("Accept-Language", "fr").get("/embed?section=product&lang=de").asString();
        assertThat(germanProduct).contains("<html lang=\"de\">").contains("Product-related sub-processors")
                .doesNotContain("Customer Support related sub-processors");
        assertThat(given().header("Accept-Language", "ja").get("/embed").asString()).contains("<html lang=\"en\">");
    }

    @Test
    void upcomingChangesAreShownForTheSectionsTheyConcern() {
        Api.addToDraft(Entries.named("Postmark").in("support"));
        Api.publishOrFail(today().plusDays(31), "Adds Postmark");

        String whole = given().get("/embed").asString();
        assertThat(whole).contains("<h2 id=\"upcoming-title\">Upcoming changes</h2>")
                .contains("From April 2, 2026 <span class=\"muted\">(version 3)</span>").contains("Adds Postmark")
                .contains("<span class=\"badge added\">Added</span>").contains("<strong>Postmark</strong>")
                .contains("href=\"/diff?from=2&amp;to=3\" target=\"_blank\" rel=\"noopener\"");
        assertThat(given().get("/embed?section=support&lang=de").asString())
                .contains("Bevorstehende Änderungen").contains("Ab 2. April 2026").contains("Hinzugefügt")
                .contains("<dt>Standort</dt>");
        assertThat(given().get("/embed?section=product").asString()).doesNotContain("upcoming-title");
    }

    @Test
    void entriesAreEscaped() {
        String evil = "<script>alert(1)</script>";
        Api.addToDraft(Entries.named(evil).in("product").with("location", "<b>EU</b>"));
        Api.publishOrFail(today().plusDays(31), "Adds " + evil);

        String upcoming = given().get("/embed").asString();
        assertThat(upcoming).doesNotContain(evil).doesNotContain("<b>EU</b>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;").contains("&lt;b&gt;EU&lt;/b&gt;");
        clock.advance(java.time.Duration.ofDays(32));
        String inForce = given().get("/embed?section=product").asString();
        assertThat(inForce).doesNotContain(evil).contains("&lt;script&gt;alert(1)&lt;/script&gt; <span class=\"badge new\">New</span>");
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
