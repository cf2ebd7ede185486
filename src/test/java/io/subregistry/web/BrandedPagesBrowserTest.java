package io.subregistry.web;

import io.quarkus.test.junit.QuarkusTest;
import io.subregistry.support.Staff;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import static io.subregistry.support.Browser.heading;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An admin sets the company's brand in the console; a reader sees the branded list, switches
 * between English, German and French with the language links, and subscribes in German. axe-core
 * stays clean with the brand (logo, accent colour) applied, in every language.
 */
@QuarkusTest
class BrandedPagesBrowserTest extends BrowserJourney {

    private static final String ACCENT = "#7a1f5c";
    private static final String ACCENT_RGB = "rgb(122, 31, 92)";
    /** A 1x1 transparent PNG. */
    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");

    @Test
    void theBrandedListInEnglishGermanAndFrenchIsAccessible() throws Exception {
        signIn(Staff.ADMIN);
        browser.go("/console/settings");
        browser.waitFor(heading("Settings"));
        browser.type("#companyName", "Acme Health");
        browser.type("#accentColor", ACCENT);
        browser.type("#privacyUrl", "https://acme-health.example/privacy");
        browser.type("#dpaUrl", "https://acme-health.example/dpa");
        browser.type("#legalPagesUrl", "https://acme-health.example/legal");
        browser.type("#contactEmail", "privacy@acme-health.example");
        browser.type("#footer", "Acme Health GmbH · Berlin");
        browser.submit("Save settings", ExpectedConditions.textToBePresentInElementLocated(
                org.openqa.selenium.By.cssSelector("main"), "Settings saved."));
        Path logo = Files.createTempFile("logo", ".png");
        Files.write(logo, PNG);
        browser.find("#logo").sendKeys(logo.toAbsolutePath().toString());
        browser.submit("Upload the logo", heading("Settings"));
        signOut();

        browser.go("/");
        browser.waitFor(heading("Acme Health — Sub-processors"));
        assertThat(browser.driver().getTitle()).isEqualTo("Acme Health — Sub-processors");
        assertThat(browser.find("header.site img.logo").getAttribute("alt")).isEqualTo("Acme Health");
        assertThat(browser.script("return getComputedStyle(document.querySelector('#subscribe button')).backgroundColor"))
                .as("the accent colour from /brand/theme.css").isEqualTo(ACCENT_RGB);
        assertThat(browser.text("footer.site")).contains("Acme Health GmbH · Berlin").contains("Privacy policy")
                .contains("privacy@acme-health.example");
        assertThat(browser.find("nav.languages a[lang=en]").getAttribute("aria-current")).isEqualTo("true");
        assertAccessible("the branded list in English");

        browser.submit(browser.find("nav.languages a[lang=de]"), heading("Acme Health — Unterauftragsverarbeiter"));
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo("de");
        assertThat(browser.text("main")).contains("Zuletzt aktualisiert: 2. Februar 2026");
        assertThat(browser.find("nav.languages a[lang=de]").getAttribute("aria-current")).isEqualTo("true");
        browser.screenshot("branded-de");
        assertAccessible("the branded list in German");

        // the choice sticks on the site's own links
        browser.submit(browser.find("header.site nav a[href='/history?lang=de']"), heading("Verlauf"));
        assertAccessible("the history in German");

        browser.submit(browser.find("nav.languages a[lang=fr]"), heading("Historique"));
        browser.submit(browser.find("header.site nav a[href='/?lang=fr']"), heading("Acme Health — Sous-traitants ultérieurs"));
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo("fr");
        assertAccessible("the branded list in French");

        browser.submit(browser.find("nav.languages a[lang=de]"), heading("Acme Health — Unterauftragsverarbeiter"));
        assertThat(browser.find("#language").getAttribute("value")).as("the mails' language follows the page").isEqualTo("de");
        browser.type("#email", "dpo@kunde.example");
        browser.submit("Anmelden", ExpectedConditions.textToBePresentInElementLocated(
                org.openqa.selenium.By.cssSelector("#outcome"), "Vielen Dank."));
        assertThat(database.lines("select language from subscriber where email = 'dpo@kunde.example'")).containsExactly("de");
    }
}
