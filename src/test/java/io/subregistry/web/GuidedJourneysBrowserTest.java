package io.subregistry.web;

import io.quarkus.test.junit.QuarkusTest;
import io.subregistry.support.Api;
import io.subregistry.support.Entries;
import io.subregistry.support.Mailbox;
import io.subregistry.support.Staff;
import io.subregistry.support.Subscribers;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.util.Map;

import static io.subregistry.support.Subscribers.OBJECTION_PREFIX;
import static io.subregistry.support.Browser.heading;
import static io.subregistry.support.Staff.asLegal;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The parts of every journey that used to confuse, in a real browser at desktop and phone width:
 * results and errors where people look, the subscriber loop closed, the draft's guard rails, the
 * console's small things, HTML error pages. Each new state is screenshotted and checked with axe-core.
 */
@QuarkusTest
class GuidedJourneysBrowserTest extends BrowserJourney {

    private static final String VISITOR = "guided@customer.example";
    private static final String MANAGE_PREFIX = "http://localhost:8080/subscription/";
    private static final String INVITE_PREFIX = "http://localhost:8080/console/invite/";
    private static final String REASON = "Our contract forbids US-owned mail processors.";
    /** Within the first screen of a 1280 × 1600 window or a phone's: where people look after a click. */
    private static final int TOP = 700;

    @Inject
    Subscribers subscribers;

    @Test
    void aVisitorIsGuidedFromSubscribingToTheAnswerToAnObjection() {
        browser.go("/");
        browser.waitFor(heading("Example Company — Sub-processors"));
        WebElement jump = browser.driver().findElement(By.linkText("Get notified of changes by e-mail"));
        assertThat(jump.getRect().getY()).as("the subscribe box is offered at the top").isLessThan(TOP);

        // a mistake: the problem at the top and beside its field, the form filled in
        browser.type("#email", "dpo@customer");
        browser.type("#organisation", "Customer GmbH");
        browser.submit("Subscribe", ExpectedConditions.visibilityOfElementLocated(By.id("problems")));
        assertThat(browser.find("#problems").getRect().getY()).isLessThan(TOP);
        assertThat(browser.text("#problems")).contains("You are not subscribed yet").contains("Enter your e-mail address");
        assertThat(browser.text("#email-error")).isEqualTo("Enter your e-mail address, like name@example.com.");
        assertThat(browser.find("#organisation").getDomProperty("value")).isEqualTo("Customer GmbH");
        browser.screenshot("subscribe-error-desktop");
        assertAccessible("the subscribe form with an error");
        browser.emulatePhone(390, 844);
        browser.reload();
        browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("problems")));
        assertThat(browser.horizontalOverflow()).isZero();
        browser.screenshot("subscribe-error-phone");
        browser.emulateDesktop();

        browser.go("/");
        browser.type("#email", VISITOR);
        browser.submit("Subscribe", ExpectedConditions.visibilityOfElementLocated(By.id("outcome")));
        assertThat(browser.driver().getCurrentUrl()).endsWith("/?done=subscribed");
        assertThat(browser.find("#outcome").getRect().getY()).isLessThan(TOP);
        browser.screenshot("subscribe-thank-you");

        // a bad confirmation link says so before any click, and leads back to the subscribe form
        browser.go("/subscription/confirm/" + "x".repeat(43));
        browser.waitFor(heading("Confirmation failed"));
        assertThat(browser.findAll("button")).as("nothing to click that could only fail").isEmpty();
        browser.screenshot("confirmation-link-invalid");
        assertAccessible("an invalid confirmation link");
        browser.driver().findElement(By.linkText("Subscribe again")).click();
        browser.waitFor(ExpectedConditions.urlContains("#subscribe"));

        String confirm = Mailbox.link(Mailbox.awaitTo(VISITOR, 1).get(0), Subscribers.CONFIRM_PREFIX);
        browser.go(confirm);
        browser.waitFor(heading("Confirm your subscription"));
        browser.submit("Confirm my subscription", heading("Subscription confirmed"));
        MimeMessage welcome = Mailbox.awaitTo(VISITOR, 2).get(1);
        assertThat(Mailbox.subject(welcome)).contains("is confirmed");
        browser.go(Mailbox.link(welcome, MANAGE_PREFIX));
        browser.waitFor(heading("Your subscription"));
        browser.screenshot("welcome-manage-link");

        // an objection: the forgotten checkbox leads back to the filled-in form
        Api.addToDraft(Entries.named("Postmark").in("support"));
        int version = Api.publishWithNotice("Adds Postmark for support e-mail");
        MimeMessage announcement = Mailbox.awaitTo(VISITOR, 3).stream()
                .filter(mail -> Mailbox.subject(mail).contains("Upcoming change")).findFirst().orElseThrow();
        String objection = Mailbox.link(announcement, OBJECTION_PREFIX);
        browser.go(objection);
        browser.waitFor(heading("Object to version " + version));
        browser.type("#reason", REASON);
        browser.submit("Send my objection", ExpectedConditions.visibilityOfElementLocated(By.id("problems")));
        assertThat(browser.text("#problems")).contains("Tick at least one sub-processor you object to.");
        assertThat(browser.find("#reason").getDomProperty("value")).isEqualTo(REASON);
        browser.screenshot("objection-checkbox-forgotten");
        assertAccessible("the objection form with an error");
        browser.driver().findElement(By.xpath("//label[strong[normalize-space()='Postmark']]/input")).click();
        browser.submit("Send my objection", heading("Objection recorded"));
        browser.driver().findElement(By.linkText("See your objection")).click();
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("yours-title"), "Your objection"));
        assertThat(browser.text("main")).contains("Received, waiting for our legal team's answer").contains(REASON);
        browser.screenshot("objection-status-open");
        assertAccessible("an objection's status");
        assertThat(Mailbox.awaitTo(VISITOR, 4).get(3)).satisfies(receipt ->
                assertThat(Mailbox.subject(receipt)).startsWith("[Example Company] We received your objection"));

        String id = asLegal().get("/api/v1/versions/" + version + "/objections").path("[0].id");
        asLegal().contentType("application/json").body(Map.of("outcome", "REJECTED", "note", "Postmark keeps mail in the EU."))
                .post("/api/v1/objections/" + id + "/resolution").then().statusCode(200);
        assertThat(Mailbox.subject(Mailbox.awaitTo(VISITOR, 5).get(4))).endsWith("rejected, the change goes ahead");
        browser.go(objection);
        browser.waitFor(heading("Object to version " + version));
        assertThat(browser.text("main")).contains("Resolved: rejected, the change goes ahead").contains("Postmark keeps mail in the EU.");
        browser.emulatePhone(390, 844);
        browser.reload();
        browser.waitFor(heading("Object to version " + version));
        assertThat(browser.horizontalOverflow()).isZero();
        browser.screenshot("objection-status-resolved-phone");
        browser.emulateDesktop();
    }

    @Test
    void staffFindTheirWayAndTheDraftHasGuardRails() {
        // a deep link opened while signed out: after signing in, the page that was asked for
        browser.go("/console/versions/2");
        browser.waitFor(heading("Sign in"));
        assertThat(browser.script("return document.activeElement.id;")).as("the username has the focus").isEqualTo("username");
        browser.type("#username", Staff.LEGAL);
        browser.type("#password", Staff.PASSWORD);
        browser.submit("Sign in", heading("Version 2 (current)"));
        assertThat(browser.find("nav a[aria-current=page]").getText()).isEqualTo("Versions");
        browser.screenshot("console-deep-link-after-sign-in");

        String postmark = Api.addToDraft(Entries.named("Postmark").in("support"));
        asLegal().contentType("application/json").body(Map.of("key", "hr", "title", "HR related sub-processors"))
                .post("/api/v1/draft/sections").then().statusCode(201);
        subscribers.many(3, "guided");
        browser.go("/console/draft");
        browser.waitFor(heading("Draft"));
        assertThat(browser.find("nav a[aria-current=page]").getText()).isEqualTo("Draft");
        assertThat(browser.driver().findElement(By.linkText("Add a sub-processor")).getRect().getY()).isLessThan(TOP);
        WebElement row = browser.driver().findElement(By.xpath("//tr[th[starts-with(normalize-space(), 'Postmark')]]"));
        assertThat(row.findElement(By.cssSelector(".badge.pending")).getText()).startsWith("NEW");
        browser.screenshot("console-draft-marked");
        assertAccessible("the draft with unpublished marks");

        browser.go("/console/draft/entries/" + postmark);
        browser.driver().findElement(By.partialLinkText("Remove Postmark from the draft")).click();
        browser.waitFor(heading("Remove Postmark?"));
        browser.screenshot("console-remove-confirmation");
        assertAccessible("the removal's confirmation");
        browser.submit("Yes, remove Postmark", ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form.undo")));
        browser.screenshot("console-removed-with-undo");
        assertAccessible("the draft with an undo");
        browser.submit("Undo the removal", ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("main [role=status]"), "Sub-processor restored to the draft."));
        asLegal().get("/api/v1/draft/subprocessors/" + postmark).then().statusCode(200);

        browser.go("/console/publish");
        browser.waitFor(heading("Publish the draft"));
        assertThat(browser.text("main")).contains("Publishing notifies 3 subscribers")
                .contains("“HR related sub-processors” has no sub-processors");
        browser.screenshot("console-publish-audience-and-empty-section");
        assertAccessible("the publish page with its facts");
    }

    @Test
    void anAdminInvitesAColleagueWhoSetsAPasswordOnce() {
        browser.go("/console/login");
        browser.type("#username", Staff.ADMIN);
        browser.type("#password", Staff.PASSWORD);
        browser.submit("Sign in", heading("Hello, " + Staff.ADMIN));
        browser.go("/console/accounts");
        browser.waitFor(heading("Staff accounts"));
        browser.type("#invite-username", "iris.invited");
        browser.type("#invite-email", "iris@staff.example");
        browser.driver().findElement(By.cssSelector("#invite-roles input[value=auditor]")).click();
        browser.submit("Send the invitation", ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("main [role=status]"), "Account iris.invited created. An invitation"));
        browser.screenshot("console-accounts-invited");
        assertAccessible("the accounts page");
        browser.submit("Sign out", heading("Sign in"));

        String link = Mailbox.link(Mailbox.awaitTo("iris@staff.example", 1).get(0), INVITE_PREFIX);
        browser.go(link);
        browser.waitFor(heading("Set your password"));
        browser.screenshot("console-invite-set-password");
        assertAccessible("the invitation's page");
        browser.type("#password", "iris's own password");
        browser.type("#repeat", "iris's own password");
        browser.submit("Set my password", heading("Sign in"));
        assertThat(browser.text("main [role=status]")).contains("Your password is set");
        browser.type("#username", "iris.invited");
        browser.type("#password", "iris's own password");
        browser.submit("Sign in", heading("Hello, iris.invited"));

        browser.go(link);
        browser.waitFor(heading("This invitation cannot be used"));
        assertThat(browser.text("main")).contains("already used");
    }

    @Test
    void errorPagesAndTheNewPublicPagesAreHtmlForPeople() {
        browser.go("/no-such-page");
        browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1")));
        assertThat(browser.script("return document.documentElement.lang;")).isEqualTo("en");
        assertThat(browser.driver().getTitle()).isNotBlank();
        browser.screenshot("error-404");
        assertAccessible("the generic 404");

        browser.go("/about-the-api");
        browser.waitFor(heading("The API and the formats"));
        assertThat(browser.driver().findElement(By.linkText("interactive API documentation (Swagger UI)")).getAttribute("href"))
                .endsWith("/q/swagger-ui");
        browser.screenshot("about-the-api");
        assertAccessible("the API page");
        browser.go("/");
        browser.driver().findElement(By.cssSelector("header nav")).findElement(By.linkText("API")).click();
        browser.waitFor(heading("The API and the formats"));

        browser.emulatePhone(390, 844);
        browser.go("/history");
        browser.waitFor(heading("History"));
        assertThat(browser.text("main")).contains("Compare with version 1").contains("The first version")
                .doesNotContain("with 1\n");
        assertThat(browser.horizontalOverflow()).isZero();
        browser.screenshot("history-phone");
        browser.emulateDesktop();

        Api.addToDraft(Entries.named("Postmark").in("support").with("website", "https://postmarkapp.com")
                .with("dpaUrl", "https://postmarkapp.com/dpa").with("transferMechanism", "SCC 2021"));
        int version = Api.publishWithNotice("Adds Postmark");
        browser.go("/versions/" + version);
        browser.waitFor(heading("Version " + version));
        WebElement row = browser.driver().findElement(By.xpath("//tr[th[starts-with(normalize-space(), 'Postmark')]]"));
        assertThat(row.getText()).contains("Website").contains("DPA").contains("Transfer: SCC 2021");
        assertThat(browser.text("main")).doesNotContain(Staff.LEGAL);
        browser.screenshot("public-version-customer-facts");
        assertAccessible("a version with customer facts");

        browser.go("/console/login");
        browser.type("#username", Staff.AUDITOR);
        browser.type("#password", Staff.PASSWORD);
        browser.submit("Sign in", heading("Hello, " + Staff.AUDITOR));
        browser.go("/console/versions/999");
        browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1")));
        assertThat(browser.script("return document.documentElement.lang;")).isEqualTo("en");
        browser.screenshot("error-console-version-999");
        assertAccessible("a console page that does not exist");
        browser.go("/console/audit");
        browser.waitFor(heading("Audit log"));
        browser.screenshot("console-audit-sentences");
        assertAccessible("the audit log");
    }

}
