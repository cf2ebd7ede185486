package io.subregistry.web.embed;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.subregistry.support.Api;
import io.subregistry.support.Entries;
import io.subregistry.support.RegistryTest;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** GET /api/v1/subprocessors?format=html: the list as a plain fragment a CMS includes server-side. */
@QuarkusTest
class ListFragmentTest extends RegistryTest {

    private static final String FRAGMENT = "/api/v1/subprocessors?format=html";

    @Test
    void aPlainSemanticFragment() throws Exception {
        Response fragment = given().get(FRAGMENT);

        assertThat(fragment.statusCode()).isEqualTo(200);
        assertThat(fragment.header("Content-Type")).matches("text/html;\\s*charset=UTF-8");
        String html = fragment.asString();
        assertThat(html).contains("<p>Last updated: <time datetime=\"2026-02-02\">February 2, 2026</time></p>")
                .contains("<section>\n<h2>Product-related sub-processors</h2>")
                .contains("<caption>Customer Support related sub-processors</caption>")
                .contains("<tr><th scope=\"col\">Sub-processor</th><th scope=\"col\">Legal address</th><th scope=\"col\">Location</th>"
                        + "<th scope=\"col\">Processing activity</th></tr>")
                .contains("<th scope=\"row\">Gong.io <strong>(New)</strong>");
        for (String absent : new String[] {"<html", "<head", "<body", "<script", "<style", "style=", "class=", "<link", "<!DOCTYPE"}) {
            assertThat(html).as(absent).doesNotContainIgnoringCase(absent);
        }
        assertThat(wellFormed(html).getDocumentElement().getElementsByTagName("table").getLength()).isEqualTo(3);
    }

    @Test
    void etagLastModifiedAndNotModifiedLikeTheJson() {
        Response fragment = given().get(FRAGMENT);
        String etag = fragment.header("ETag");
        String json = given().get("/api/v1/subprocessors").header("ETag");
        assertThat(etag).startsWith("\"v2-").endsWith("-html-en\"").isNotEqualTo(json);
        assertThat(fragment.header("Last-Modified")).isEqualTo("Mon, 02 Feb 2026 00:00:00 GMT");
        assertThat(fragment.header("Cache-Control")).isEqualTo("public, max-age=60");

        Response unchanged = given().header("If-None-Match", etag).get(FRAGMENT);
        assertThat(unchanged.statusCode()).isEqualTo(304);
        assertThat(unchanged.header("ETag")).isEqualTo(etag);
        assertThat(unchanged.asString()).isEmpty();
        given().header("If-None-Match", json).get(FRAGMENT).then().statusCode(200);
        given().header("If-Modified-Since", "Mon, 02 Feb 2026 00:00:00 GMT").get(FRAGMENT).then().statusCode(304);
        given().header("If-Modified-Since", "Sun, 01 Feb 2026 23:59:59 GMT").get(FRAGMENT).then().statusCode(200);
        given().header("If-Modified-Since", "yesterday").get(FRAGMENT).then().statusCode(200);
        // an ETag that does not match wins over a date that would
        given().header("If-None-Match", "\"other\"").header("If-Modified-Since", "Mon, 02 Feb 2026 00:00:00 GMT")
                .get(FRAGMENT).then().statusCode(200);

        Api.addToDraft(Entries.named("Postmark").in("support"));
        Api.publishOrFail(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(31), "Adds Postmark");
        given().header("If-None-Match", etag).get(FRAGMENT).then().statusCode(304); // not in force yet
        clock.advance(Duration.ofDays(32));
        Response changed = given().header("If-None-Match", etag).get(FRAGMENT);
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.header("ETag")).startsWith("\"v3-");
        assertThat(changed.header("Last-Modified")).isEqualTo("Thu, 02 Apr 2026 00:00:00 GMT");
        assertThat(changed.asString()).contains("<th scope=\"row\">Postmark <strong>(New)</strong>");
    }

    @Test
    void headingsInTheAskedLanguageEachWithItsOwnEtag() {
        Response german = given().get(FRAGMENT + "&lang=de");
        assertThat(german.asString()).contains("Zuletzt aktualisiert: <time datetime=\"2026-02-02\">2. Februar 2026</time>")
                .contains("<th scope=\"col\">Unterauftragsverarbeiter</th><th scope=\"col\">Anschrift</th>")
                .contains("Product-related sub-processors"); // what legal staff entered stays as entered
        assertThat(german.header("ETag")).endsWith("-html-de\"");
        assertThat(given().get(FRAGMENT + "&lang=fr").asString()).contains("<th scope=\"col\">Sous-traitant ultérieur</th>");
        // the browser's language does not matter: a build server gets the same bytes every time
        assertThat(given().header("Accept-Language", "de").get(FRAGMENT).header("ETag")).endsWith("-html-en\"");
        assertThat(given().get(FRAGMENT + "&lang=xx").header("ETag")).endsWith("-html-en\"");
        assertThat(given().get("/api/v1/subprocessors?format=HTML&at=2026-01-15").asString())
                .contains("<time datetime=\"2025-11-02\">November 2, 2025</time>");
    }

    @Test
    void hostileEntriesAreEscapedAndTheFragmentStaysWellFormed() throws Exception {
        String evil = "<script>alert(1)</script>\"'&";
        Api.addToDraft(Entries.named(evil).in("product").with("location", "</td></tr></table><img src=x onerror=alert(1)>"));
        Api.publishOrFail(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(31), "Adds it");
        clock.advance(Duration.ofDays(32));

        String html = given().get(FRAGMENT).asString();
        assertThat(html).doesNotContain("<script").doesNotContain("<img")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;");
        assertThat(wellFormed(html).getDocumentElement().getElementsByTagName("img").getLength()).isZero();
    }

    @Test
    void theOtherFormatsAreAsTheyWere() {
        given().get("/api/v1/subprocessors").then().statusCode(200).contentType("application/json");
        given().get("/api/v1/subprocessors?format=csv").then().statusCode(200).contentType("text/csv");
        given().accept("text/csv").get("/api/v1/subprocessors").then().statusCode(200).contentType("text/csv");
        given().get("/api/v1/subprocessors?format=xml").then().statusCode(400).contentType("application/problem+json");
        assertThat(given().get("/api/v1/subprocessors").header("Last-Modified")).isNull();
        // only ?format=html gives the fragment: a browser's Accept gets the JSON as before (the page is /)
        given().accept("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8").get("/api/v1/subprocessors")
                .then().statusCode(200).contentType("application/json");
        given().accept("text/html").get("/api/v1/subprocessors").then().statusCode(200).contentType("application/json");
    }

    @Test
    void nothingPublishedYet() {
        database.empty();
        Response fragment = given().get(FRAGMENT);
        assertThat(fragment.statusCode()).isEqualTo(200);
        assertThat(fragment.asString().strip()).isEqualTo("<p>No list has been published yet.</p>");
        assertThat(fragment.header("Last-Modified")).isNull();
        given().header("If-None-Match", fragment.header("ETag")).get(FRAGMENT).then().statusCode(304);
    }

    /** The fragment parsed as XML inside one element: Qute's escaping leaves nothing a parser would read as markup. */
    private static Document wellFormed(String fragment) throws Exception {
        byte[] wrapped = ("<div>" + fragment + "</div>").getBytes(StandardCharsets.UTF_8);
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(wrapped));
    }
}
