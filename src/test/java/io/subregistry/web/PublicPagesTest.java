package io.subregistry.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.subregistry.support.Api;
import io.subregistry.support.Entries;
import io.subregistry.support.Mailbox;
import io.subregistry.support.RegistryTest;
import io.subregistry.support.Staff;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class PublicPagesTest extends RegistryTest {

    @Test
    void thePublicPageShowsTheListLikeTheExamplePage() {
        Response page = given().get("/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        String html = page.asString();
        assertThat(html).contains("<h1>Example Company — Sub-processors</h1>").contains("Last updated: <strong>February 2, 2026</strong>")
                .contains("Product-related sub-processors").contains("Note: Some processors handle only practitioner data")
                .contains("<th scope=\"col\">Sub-processor</th><th scope=\"col\">Legal address</th><th scope=\"col\">Location</th><th scope=\"col\">Processing activity</th>")
                .contains("Gong.io <span class=\"badge new\">New</span>")
                .doesNotContain("Upcoming changes");
        assertThat(html.split("badge new\">New<", -1)).hasSize(2);
    }

    @Test
    void pagesCarrySecurityHeadersAndNoScript() {
        Response page = given().get("/");

        assertThat(page.header("Content-Security-Policy")).contains("default-src 'none'").contains("frame-ancestors 'none'")
                .doesNotContain("unsafe-inline");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(page.asString()).doesNotContain("<script").doesNotContain("http://").doesNotContain("https://");
    }

    @Test
    void anUpcomingAdditionIsShownUntilItTakesEffectThenItIsNew() {
        Api.addToDraft(Entries.named("Postmark").in("support"));
        Api.publishOrFail(today().plusDays(31), "Adds Postmark");

        String before = given().get("/").asString();
        assertThat(before).contains("Upcoming changes").contains("From April 2, 2026").contains("Adds Postmark")
                .contains("<span class=\"badge added\">Added</span> <strong>Postmark</strong>");

        clock.advance(Duration.ofDays(32));
        String after = given().get("/").asString();
        assertThat(after).doesNotContain("Upcoming changes").contains("Postmark <span class=\"badge new\">New</span>")
                .doesNotContain("Gong.io <span class=\"badge new\">");
    }

    @Test
    void userDataIsEscapedEverywhere() {
        String evil = "<script>alert(1)</script>";
        Api.addToDraft(Entries.named(evil).with("location", "<b>EU</b>"));
        int version = Api.publishOrFail(today().plusDays(31), "Adds " + evil);
        clock.advance(Duration.ofDays(32));

        for (String path : List.of("/", "/history", "/versions/" + version, "/diff?from=2&to=" + version, "/feed.atom")) {
            String body = given().get(path).asString();
            assertThat(body).as(path).doesNotContain(evil).doesNotContain("<b>EU</b>");
            assertThat(body).as(path).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        }
    }

    @Test
    void theHistoryAndVersionPagesLinkToEveryFormat() {
        String history = given().get("/history").asString();
        assertThat(history).contains("href=\"/versions/2\"").contains("href=\"/diff?from=1&amp;to=2\"")
                .contains("1 added").contains("href=\"/api/v1/versions\"");
        String version = given().get("/versions/2").asString();
        assertThat(version).contains("href=\"/api/v1/versions/2\"").contains("href=\"/api/v1/versions/2?format=csv\"")
                .contains("SHA-256");
        given().get("/api/v1/versions/2?format=csv").then().statusCode(200).contentType("text/csv; charset=UTF-8");
        given().get("/api/v1/diff?from=1&to=2&format=patch").then().statusCode(200).contentType("application/json-patch+json");
        given().get("/api/v1/diff?from=1&to=2&format=xml").then().statusCode(400);
        given().get("/versions/99").then().statusCode(404).contentType("text/html;charset=UTF-8");
    }

    @Test
    void theDiffPageComparesAnyTwoVersionsAndHighlightsFields() {
        String zoom = asLegalIdOf("Zoom");
        Staff.asLegal().header("If-Match", Api.entryTag(zoom)).contentType("application/json").body(Entries.named("Zoom")
                        .with("legalAddress", "55 Almaden Blvd, San Jose, CA 95113, USA").with("location", "EU")
                        .with("processingActivity", "Meeting audio/video, participant details, chat transcripts if recording enabled").body())
                .put("/api/v1/draft/subprocessors/" + zoom).then().statusCode(200);
        Api.publishOrFail(today(), "Zoom keeps data in the EU");

        String html = given().get("/diff?from=1&to=3").asString();
        assertThat(html).contains("<option value=\"1\" selected>").contains("<option value=\"3\" selected>")
                .contains("<del>USA/EU</del>").contains("<ins>EU</ins>").contains("Gong.io");
        assertThat(given().get("/diff?from=3&to=1").asString()).contains("Removed");
        given().get("/diff?from=7&to=1").then().statusCode(404);
    }

    @Test
    void theAtomFeedIsWellFormedWithStableIds() throws Exception {
        Response first = given().get("/feed.atom");
        assertThat(first.contentType()).startsWith("application/atom+xml");
        List<String> ids = entryIds(first.asByteArray());
        assertThat(ids).hasSize(20).doesNotHaveDuplicates().allMatch(id -> id.startsWith("tag:localhost,2025:subprocessors/version/"));

        Api.addToDraft(Entries.named("Postmark"));
        Api.publishOrFail(today().plusDays(31), "Adds Postmark");
        List<String> later = entryIds(given().get("/feed.atom").asByteArray());
        assertThat(later).hasSize(21).containsAll(ids);
        assertThat(later.get(0)).isEqualTo("tag:localhost,2025:subprocessors/version/3/change/0");
    }

    @Test
    void theSubscribeFormNeedsItsCsrfTokenAndAnswersTheSameForEveryAddress() {
        Response page = given().get("/");
        String cookie = page.cookie("csrf");
        assertThat(cookie).isNotBlank();
        assertThat(page.asString()).contains("name=\"csrf\" value=\"" + cookie + "\"");

        given().cookie("csrf", cookie).formParam("email", "form@customer.example").post("/subscribe")
                .then().statusCode(403).body(containsString("The form expired. Please try again."));
        given().formParam("csrf", cookie).formParam("email", "form@customer.example").post("/subscribe")
                .then().statusCode(403);
        String accepted = given().cookie("csrf", cookie).formParam("csrf", cookie).formParam("email", "form@customer.example")
                .post("/subscribe").then().statusCode(200).extract().asString();
        String again = given().cookie("csrf", cookie).formParam("csrf", cookie).formParam("email", "form@customer.example")
                .post("/subscribe").then().statusCode(200).extract().asString();
        assertThat(accepted).contains("a confirmation link is on its way");
        assertThat(again).isEqualTo(accepted);
        given().cookie("csrf", cookie).formParam("csrf", cookie).formParam("email", "not an address")
                .post("/subscribe").then().statusCode(422);

        assertThat(Mailbox.awaitTo("form@customer.example", 1)).as("one confirmation for two requests").hasSize(1);
    }

    @Test
    void thePreparedPageIsTheRenderedPageWithEachBrowsersOwnToken() {
        Response first = given().get("/");
        Response second = given().get("/");
        String mine = first.cookie("csrf");
        String theirs = second.cookie("csrf");
        assertThat(mine).isNotEqualTo(theirs);
        assertThat(first.asString()).contains("name=\"csrf\" value=\"" + mine + "\"").doesNotContain(theirs)
                .doesNotContain("csrfslot");
        assertThat(second.asString().replace(theirs, mine)).as("the same page but for the token").isEqualTo(first.asString());
        // a browser that has a token gets it back in the page
        assertThat(given().cookie("csrf", mine).get("/").asString()).isEqualTo(first.asString());

        // a publish (upcoming) and its effective date each change the page
        Api.addToDraft(Entries.named("Mailjet").in("support"));
        Api.publishOrFail(today().plusDays(31), "Adds Mailjet");
        String upcoming = given().cookie("csrf", mine).get("/").asString();
        assertThat(upcoming).contains("Adds Mailjet").contains("name=\"csrf\" value=\"" + mine + "\"");
        clock.advance(Duration.ofDays(32));
        assertThat(given().cookie("csrf", mine).get("/").asString()).doesNotContain("Upcoming changes")
                .contains("Mailjet <span class=\"badge new\">New</span>");
    }

    private static List<String> entryIds(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document feed = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        assertThat(feed.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2005/Atom");
        NodeList entries = feed.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < entries.getLength(); i++) {
            Element entry = (Element) entries.item(i);
            ids.add(entry.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "id").item(0).getTextContent());
            assertThat(entry.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "updated").getLength()).isEqualTo(1);
            assertThat(entry.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "title").item(0).getTextContent()).isNotBlank();
        }
        return ids;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static String asLegalIdOf(String name) {
        return Staff.asLegal().get("/api/v1/draft")
                .path("sections.subprocessors.flatten().find { it.name == '" + name + "' }.id");
    }

}
