package io.subregistry.web.console;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.subregistry.support.RegistryTest;
import io.subregistry.support.Staff;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The brand settings page: admins save a brand, every value is checked where it goes, the logo is served inert. */
@QuarkusTest
class ConsoleSettingsTest extends RegistryTest {

    /** A 1x1 transparent PNG. */
    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");

    private Response saveBrand(ConsoleSession admin, String name, String colour) {
        admin.get("/console/settings");
        return admin.form().formParam("companyName", name).formParam("accentColor", colour)
                .formParam("dpaUrl", "https://acme-health.example/dpa").formParam("contactEmail", "privacy@acme-health.example")
                .formParam("footer", "Acme Health GmbH, Berlin").formParam("bindingLanguage", "en")
                .post("/console/settings");
    }

    @Test
    void anAdminSavesTheBrandAndTheAuditLogSaysWhatChanged() {
        ConsoleSession admin = ConsoleSession.signedIn(Staff.ADMIN, Staff.PASSWORD);
        Response saved = saveBrand(admin, "Acme Health", "#0B5FFF");
        assertThat(saved.statusCode()).isEqualTo(303);
        String page = admin.get(saved.header("Location").replaceFirst("^https?://[^/]+", "")).asString();
        assertThat(page).contains("Settings saved.").contains("value=\"Acme Health\"").contains("value=\"#0b5fff\"")
                .contains("value=\"https://acme-health.example/dpa\"");
        String audit = Staff.asAuditor().get("/api/v1/audit-log").asString();
        assertThat(audit).contains("BRAND_UPDATED").contains("Acme Health");
    }

    @Test
    void aColourWithoutEnoughContrastALineBreakInTheNameAndABadAddressAreRefusedAndNothingIsSaved() {
        ConsoleSession admin = ConsoleSession.signedIn(Staff.ADMIN, Staff.PASSWORD);
        Response refused = saveBrand(admin, "Acme Health", "#ffcc00");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.asString()).contains("contrast of 1.").contains("4.5:1");

        Response injected = saveBrand(admin, "Acme\r\nBcc: everyone@example.com", "#0b5fff");
        assertThat(injected.statusCode()).isEqualTo(400);
        assertThat(injected.asString()).contains("single line");

        admin.get("/console/settings");
        Response badUrl = admin.form().formParam("privacyUrl", "javascript:alert(1)").post("/console/settings");
        assertThat(badUrl.statusCode()).isEqualTo(400);
        assertThat(badUrl.asString()).contains("http(s) address");
        assertThat(Staff.asAuditor().get("/api/v1/audit-log").asString()).doesNotContain("BRAND_UPDATED");
    }

    @Test
    void aPngOrSvgLogoIsStoredAndTheSvgIsServedSandboxedWhileOtherFilesAreRefused() {
        ConsoleSession admin = ConsoleSession.signedIn(Staff.ADMIN, Staff.PASSWORD);
        given().get("/brand/logo").then().statusCode(404);

        admin.get("/console/settings");
        Response png = admin.request().multiPart("csrf", csrfOf(admin)).multiPart("logo", "logo.png", PNG, "image/png")
                .post("/console/settings/logo");
        assertThat(png.statusCode()).isEqualTo(303);
        Response served = given().get("/brand/logo");
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.contentType()).isEqualTo("image/png");
        assertThat(served.asByteArray()).isEqualTo(PNG);
        given().header("If-None-Match", served.header("ETag")).get("/brand/logo").then().statusCode(304);

        byte[] svg = "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script><rect width=\"4\" height=\"4\"/></svg>"
                .getBytes(StandardCharsets.UTF_8);
        admin.get("/console/settings");
        admin.request().multiPart("csrf", csrfOf(admin)).multiPart("logo", "logo.svg", svg, "image/svg+xml")
                .post("/console/settings/logo").then().statusCode(303);
        Response svgServed = given().get("/brand/logo");
        assertThat(svgServed.contentType()).startsWith("image/svg+xml");
        assertThat(svgServed.header("Content-Security-Policy")).contains("sandbox").contains("default-src 'none'");
        assertThat(svgServed.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(admin.get("/console/settings").asString()).contains("<img src=\"/brand/logo?v=");

        admin.get("/console/settings");
        Response html = admin.request().multiPart("csrf", csrfOf(admin))
                .multiPart("logo", "logo.png", "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8), "image/png")
                .post("/console/settings/logo");
        assertThat(html.statusCode()).isEqualTo(400);
        assertThat(html.asString()).contains("neither a PNG nor an SVG");
        assertThat(Staff.asAuditor().get("/api/v1/audit-log").asString()).contains("BRAND_LOGO_CHANGED");
    }

    @Test
    void onlyAdminsReachTheSettings() {
        ConsoleSession legal = ConsoleSession.signedIn(Staff.LEGAL, Staff.PASSWORD);
        assertThat(legal.get("/console/settings").header("Location")).endsWith("/console/forbidden");
    }

    private static String csrfOf(ConsoleSession session) {
        String page = session.get("/console/settings").asString();
        return page.replaceAll("(?s).*?name=\"csrf\" value=\"([A-Za-z0-9_-]{43})\".*", "$1");
    }
}
