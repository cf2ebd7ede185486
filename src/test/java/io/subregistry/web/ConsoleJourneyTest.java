package io.subregistry.web;

import io.quarkus.test.junit.QuarkusTest;
import io.subregistry.support.Api;
import io.subregistry.support.Browser;
import io.subregistry.support.Entries;
import io.subregistry.support.Staff;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.By;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.subregistry.support.Browser.heading;
import static io.subregistry.support.Staff.asLegal;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console journeys issue 13 found broken, in a real browser: an import previewed before it is
 * applied, an emergency while another version is upcoming (withdraw, then publish at once), and
 * the auditor's desk (verify the history, download the evidence and the audit log in the
 * signed-in session). Screenshots go to target/screenshots/, axe-core checks every page touched.
 */
@QuarkusTest
class ConsoleJourneyTest extends BrowserJourney {

    @Test
    void anImportIsPreviewedAsADiffAndAppliedOnlyOnConfirmation() {
        Api.addToDraft(Entries.named("NewCo").in("product"));
        String exported = given().get("/api/v1/subprocessors?format=csv").asString();
        signIn(Staff.LEGAL);
        browser.go("/console/draft");
        browser.waitFor(heading("Draft"));
        assertThat(browser.findAll("a[href='/console/draft/export.csv']")).hasSize(1);
        assertThat(browser.findAll("a[href='/console/draft/export.json']")).hasSize(1);

        // the 5 KB export pasted into the box (set at once: typing it key by key would take minutes)
        browser.script("document.getElementById('text').value = arguments[0];", exported);
        new org.openqa.selenium.support.ui.Select(browser.find("#format")).selectByValue("csv");
        new org.openqa.selenium.support.ui.Select(browser.find("#mode")).selectByValue("replace");
        browser.submit("Preview the import", heading("Import preview"));
        assertThat(browser.text("main")).contains("Nothing has changed yet").contains("1 sub-processor(s) would be removed");
        assertThat(browser.text("table.facts")).contains("Removed 1").contains("Added 0");
        assertThat(browser.text("ul.changes")).contains("NewCo");
        browser.screenshot("console-import-preview");
        assertAccessible("the import preview");
        assertThat(asLegal().get("/api/v1/draft").<List<String>>path("sections.subprocessors.flatten().name"))
                .as("nothing applied before the confirmation").contains("NewCo");

        browser.submit("Apply these changes to the draft", ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("main [role=status]"), "File imported into the draft."));
        assertThat(asLegal().get("/api/v1/draft").<List<String>>path("sections.subprocessors.flatten().name"))
                .doesNotContain("NewCo").contains("Coconut.co", "ADA", "Gong.io");
        assertThat(asLegal().get("/api/v1/draft/diff").<List<Object>>path("changes"))
                .as("the export of version 2, non-ASCII names included, equals version 2").isEmpty();
    }

    @Test
    void anEmergencyWhileAnotherVersionIsUpcomingWithdrawsItAndTakesEffectAtOnce() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Api.addToDraft(Entries.named("Postmark").in("support"));
        Api.publishWithNotice("Adds Postmark for support e-mail");
        signIn(Staff.LEGAL);

        // the publish page says why an emergency cannot go first, and where to go
        Api.removeFromDraft(idOf("Zapier"));
        browser.go("/console/publish");
        browser.waitFor(heading("Publish the draft"));
        assertThat(browser.text("main")).contains("Version 3 is upcoming").contains("withdraw version 3");
        browser.driver().findElement(By.linkText("withdraw version 3")).click();
        browser.waitFor(heading("Version 3 (upcoming)"));
        browser.type("#reason", "Replaced by an emergency change; Postmark will be announced again.");
        browser.screenshot("console-withdraw-form");
        assertAccessible("the version page with the withdrawal form");
        browser.submit("Withdraw version 3", heading("Version 3 (withdrawn)"));
        assertThat(browser.text("main [role=status]")).contains("Version withdrawn");
        assertThat(browser.text("main")).contains("Withdrawn on").contains("Replaced by an emergency change");
        browser.screenshot("console-version-withdrawn");
        assertAccessible("a withdrawn version");

        // the emergency: the draft minus Postmark (version 3's change) and minus Zapier, in force today
        Api.removeFromDraft(idOf("Postmark"));
        browser.go("/console/publish");
        browser.waitFor(heading("Publish the draft"));
        assertThat(browser.findAll("p.panel.upcoming")).as("nothing is upcoming now").isEmpty();
        browser.script("document.getElementById('effectiveAt').value = arguments[0];", today.toString());
        browser.type("#summary", "Removes Zapier after a breach");
        browser.type("#emergencyReason", "Zapier reported a breach of customer data");
        browser.submit("Publish", heading("Version 4 (current)"));
        assertThat(browser.text("main")).contains("Emergency: published with shorter notice because Zapier reported a breach");
        browser.screenshot("console-version-emergency");
        assertAccessible("an emergency version");

        browser.go("/history");
        browser.waitFor(heading("History"));
        assertThat(browser.text("main")).contains("Withdrawn, never in effect: Replaced by an emergency change")
                .contains("Emergency: Zapier reported a breach of customer data");
        browser.screenshot("public-history-withdrawn-emergency");
        assertAccessible("the public history");
        browser.go("/versions/3");
        browser.waitFor(heading("Version 3"));
        assertThat(browser.text("table.facts")).contains("withdrawn").contains("It never was the list in force");
        assertAccessible("a withdrawn version's public page");
    }

    @Test
    void anAuditorVerifiesTheHistoryAndDownloadsTheEvidenceInTheSignedInSession() {
        signIn(Staff.AUDITOR);
        browser.go("/console/versions");
        browser.waitFor(heading("Versions"));
        browser.submit("Verify the history", heading("Verify the history"));
        assertThat(browser.text("main [role=status]"))
                .isEqualTo("The history is intact: all 2 versions match their hashes, each is chained to the one before it,"
                        + " and every signature verifies.");
        browser.screenshot("console-verify");
        assertAccessible("the verify page");

        browser.go("/console/versions/2");
        browser.waitFor(heading("Version 2 (current)"));
        String evidence = download(browser.find("a[download][href$='notices.csv']"), "notices-version-2.csv");
        assertThat(evidence).startsWith("version,recipient,organisation,kind,status");
        assertThat(browser.driver().getCurrentUrl()).as("no sign-in prompt, no navigation").endsWith("/console/versions/2");

        browser.go("/console/audit");
        browser.waitFor(heading("Audit log"));
        browser.script("document.getElementById('from').value = '2026-03-02'; document.getElementById('to').value = '2026-03-02';");
        new org.openqa.selenium.support.ui.Select(browser.find("#action")).selectByValue("VERSION_PUBLISHED");
        browser.submit("Filter", ExpectedConditions.urlContains("action=VERSION_PUBLISHED"));
        assertThat(browser.findAll("table tbody tr")).hasSize(2);
        browser.screenshot("console-audit-filtered");
        assertAccessible("the filtered audit log");
        WebElement link = browser.find("a[download][href^='/console/audit/export.csv']");
        assertThat(link.getDomAttribute("href")).contains("from=2026-03-02").contains("to=2026-03-02")
                .contains("action=VERSION_PUBLISHED");
        String audit = download(link, "audit-log.csv");
        assertThat(audit.lines().skip(1).toList()).hasSize(2).allMatch(row -> row.contains(",VERSION_PUBLISHED,"));
    }

    // ------------------------------------------------------------------ helpers

    /**
     * Clicks a download link as a person would and waits for the file Chromium saves: a file
     * proves the signed-in session sufficed (a refusal would have shown a page or a prompt).
     */
    private String download(WebElement link, String fileName) {
        try {
            Path folder = Files.createDirectories(Path.of("target/downloads").toAbsolutePath())
                    .resolve(UUID.randomUUID().toString());
            Files.createDirectories(folder);
            ((HasCdp) browser.driver()).executeCdpCommand("Browser.setDownloadBehavior",
                    Map.of("behavior", "allow", "downloadPath", folder.toString()));
            link.click();
            Path file = folder.resolve(fileName);
            new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(driver -> Files.isRegularFile(file)
                    && !Files.exists(folder.resolve(fileName + ".crdownload")));
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String idOf(String name) {
        return asLegal().get("/api/v1/draft").path("sections.subprocessors.flatten().find { it.name == '" + name + "' }.id");
    }
}
