package io.subregistry.web;

import io.quarkus.test.junit.QuarkusTest;
import io.subregistry.support.Api;
import io.subregistry.support.Entries;
import io.subregistry.support.Mailbox;
import io.subregistry.support.Staff;
import io.subregistry.support.Subscribers;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.time.Duration;
import java.util.List;

import static io.subregistry.support.Subscribers.OBJECTION_PREFIX;
import static io.subregistry.support.Browser.heading;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The registry as people use it, in a real browser: a customer subscribes and confirms, legal staff
 * add a sub-processor and publish it with notice, the customer is told and objects, the change takes
 * effect, and an auditor finds the evidence. Screenshots of the main pages go to target/screenshots/.
 */
@QuarkusTest
class BrowserJourneyTest extends BrowserJourney {

    private static final String VISITOR = "dpo@customer.example";
    private static final String ORGANISATION = "Customer GmbH";
    private static final String NEWCOMER = "Postmark";
    private static final String SUPPORT_SECTION = "Customer Support related sub-processors";
    private static final String SUMMARY = "Adds Postmark for support e-mail";
    private static final String EARLIEST = "2026-04-02";
    private static final String EARLIEST_READABLE = "April 2, 2026";
    private static final String REASON = "Our contract forbids US-owned mail processors.";
    @Test
    void aCustomerIsToldOfANewSubProcessorObjectsAndAnAuditorSeesTheEvidence() {
        visitorSeesTheListAndSubscribes();
        MimeMessage confirmation = latestMailTo(VISITOR, 1);
        assertThat(Mailbox.subject(confirmation)).contains("Confirm");
        visitorConfirms(Mailbox.link(confirmation, Subscribers.CONFIRM_PREFIX));

        signIn(Staff.LEGAL);
        addToDraftInTheConsole();
        publishWithTheEarliestDate();
        signOut();

        theUpcomingChangeIsAnnounced();
        // the confirmation, the welcome with the manage link, and the announcement
        List<MimeMessage> mails = Mailbox.awaitTo(VISITOR, 3);
        assertThat(mails).hasSize(3);
        assertThat(mails).extracting(Mailbox::subject).contains("[Example Company] Your subscription to our sub-processor changes is confirmed");
        MimeMessage announcement = mails.stream().filter(mail -> Mailbox.subject(mail).contains("Upcoming change to our sub-processors"))
                .findFirst().orElseThrow();
        assertThat(Mailbox.subject(announcement)).isEqualTo("[Example Company] Upcoming change to our sub-processors, effective " + EARLIEST_READABLE);
        visitorObjects(Mailbox.link(announcement, OBJECTION_PREFIX));

        clock.advance(Duration.ofDays(31));
        theNewcomerIsOnTheCurrentList();

        Mailbox.awaitSettled(); // the objection's receipt is out: the page does not update itself while it is read
        signIn(Staff.AUDITOR);
        auditorSeesTheEvidence(Mailbox.header(announcement, "Message-ID"));
    }

    @Test
    void thePublicPageFitsAPhoneScreen() {
        // an upcoming change with long unbroken values: the widest thing the page can show
        Api.addToDraft(Entries.named(NEWCOMER).in("support")
                .with("website", "https://postmarkapp.com/support/article/1234-how-do-i-configure-dkim-and-return-path")
                .with("dpaUrl", "https://postmarkapp.com/eu-privacy/data-processing-addendum-for-customers-2026"));
        Api.publishWithNotice(SUMMARY);
        browser.emulatePhone(390, 844);
        browser.go("/");
        browser.waitFor(heading("Example Company — Sub-processors"));
        assertThat(browser.text("section.upcoming")).contains(NEWCOMER);
        assertThat(browser.viewportWidth()).isEqualTo(390);

        assertThat(browser.horizontalOverflow()).as("sideways overflow in CSS pixels at 390 px").isZero();
        assertThat(browser.find("table.list thead").isDisplayed()).as("the column headings give way to labels").isFalse();
        assertThat(browser.find("#email").getRect().getWidth()).isLessThanOrEqualTo(390);
        browser.screenshot("public-phone");

        browser.emulateDesktop();
        browser.reload();
        assertThat(browser.horizontalOverflow()).as("sideways overflow in CSS pixels at 1280 px").isZero();
    }

    @Test
    void pagesHaveNoSeriousAccessibilityProblems() {
        browser.go("/");
        assertAccessible("the public list");

        browser.go("/console/login");
        assertAccessible("the sign-in page");

        Api.addToDraft(Entries.named(NEWCOMER).in("support"));
        signIn(Staff.LEGAL);
        browser.go("/console/publish");
        browser.waitFor(heading("Publish the draft"));
        assertAccessible("the publish page");
    }

    @Test
    void theAccessibilityCheckSeesARealProblem() {
        browser.go("/");
        browser.script("const image = document.createElement('img');"
                + " image.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';"
                + " document.querySelector('main').appendChild(image);");

        assertThat(browser.accessibilityViolations(BLOCKING_IMPACTS)).as("an image without alt text")
                .anySatisfy(violation -> assertThat(violation).startsWith("image-alt (critical)"));
    }

    // ------------------------------------------------------------------ the visitor

    private void visitorSeesTheListAndSubscribes() {
        browser.go("/");
        browser.waitFor(heading("Example Company — Sub-processors"));
        assertThat(browser.text("p.lede")).startsWith("Last updated: February 2, 2026");
        assertThat(rowOf("Gong.io").findElements(By.cssSelector(".badge.new"))).extracting(WebElement::getText)
                .containsExactly("NEW");
        assertThat(browser.findAll(".badge.new")).as("only Gong.io is new").hasSize(1);
        assertThat(browser.findAll("section.upcoming")).isEmpty();
        browser.screenshot("public-desktop");

        browser.type("#email", VISITOR);
        browser.type("#organisation", ORGANISATION);
        browser.submit("Subscribe", ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#outcome[role=status]")));
        assertThat(browser.text("#outcome[role=status]"))
                .isEqualTo("Thank you. If this address can receive mail, a confirmation link is on its way."
                        + " Nothing else is sent until you confirm.");
        assertThat(browser.find("#outcome").getRect().getY()).as("the thank-you is where people look: at the top")
                .isLessThan(400);
        assertThat(browser.find("#email").getDomProperty("value")).as("the form is emptied").isEmpty();
    }

    private void visitorConfirms(String confirmationLink) {
        browser.go(confirmationLink);
        browser.waitFor(heading("Confirm your subscription"));
        browser.screenshot("confirmation");
        assertAccessible("the confirmation page");
        browser.submit("Confirm my subscription", heading("Subscription confirmed"));
        assertThat(browser.text("main [role=status]")).contains("before they take effect");
    }

    private void theUpcomingChangeIsAnnounced() {
        browser.go("/");
        WebElement upcoming = browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("section.upcoming")));
        assertThat(upcoming.getText()).contains("Upcoming changes").contains("From " + EARLIEST_READABLE + " (version 3)")
                .contains(SUMMARY).contains("ADDED " + NEWCOMER).contains(SUPPORT_SECTION);
        assertThat(tableOf(SUPPORT_SECTION).getText()).as("not in force yet").doesNotContain(NEWCOMER);
        browser.screenshot("public-upcoming");
    }

    private void visitorObjects(String objectionLink) {
        browser.go(objectionLink);
        browser.waitFor(heading("Object to version 3"));
        assertThat(browser.text("main")).contains(SUMMARY).contains("Objections are accepted until " + EARLIEST_READABLE);
        browser.screenshot("objection-form");
        assertAccessible("the objection form");

        WebElement choice = browser.driver().findElement(
                By.xpath("//label[strong[normalize-space()='" + NEWCOMER + "']]/input[@type='checkbox']"));
        choice.click();
        assertThat(choice.isSelected()).isTrue();
        browser.type("#reason", REASON);
        browser.submit("Send my objection", heading("Objection recorded"));
        assertThat(browser.text("main [role=status]")).contains("Our legal team will review your objection");
    }

    private void theNewcomerIsOnTheCurrentList() {
        browser.go("/");
        browser.waitFor(heading("Example Company — Sub-processors"));
        assertThat(browser.findAll("section.upcoming")).as("nothing is upcoming any more").isEmpty();
        assertThat(browser.text("p.lede")).startsWith("Last updated: " + EARLIEST_READABLE);
        assertThat(rowOf(NEWCOMER).findElement(By.cssSelector(".badge.new")).getText()).isEqualTo("NEW");
        assertThat(tableOf(SUPPORT_SECTION).getText()).contains(NEWCOMER);
        assertThat(rowOf("Gong.io").findElements(By.cssSelector(".badge.new"))).as("Gong.io was new in version 2 only").isEmpty();
    }

    // ------------------------------------------------------------------ staff

    private void addToDraftInTheConsole() {
        browser.go("/console/draft");
        browser.waitFor(heading("Draft"));
        new Select(browser.find("#new-section")).selectByVisibleText(SUPPORT_SECTION);
        browser.type("#new-name", NEWCOMER);
        browser.type("#new-legalAddress", "1 Main St, Chicago, IL 60601, USA");
        browser.type("#new-location", "USA");
        browser.type("#new-processingActivity", "Support e-mail delivery");
        browser.submit("Add to the draft", ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("main [role=status]"), "Sub-processor added to the draft."));

        WebElement support = browser.find("section[aria-labelledby='s-support']");
        assertThat(support.findElements(By.cssSelector("tbody th[scope=row]"))).extracting(WebElement::getText)
                .contains(NEWCOMER + " NEW").as("marked as not published yet");
        browser.screenshot("console-draft");
        assertAccessible("the draft page");
    }

    private void publishWithTheEarliestDate() {
        browser.go("/console/publish");
        browser.waitFor(heading("Publish the draft"));
        List<WebElement> changes = browser.findAll("ul.changes li.change");
        assertThat(changes).extracting(WebElement::getText).singleElement().asString()
                .startsWith("ADDED " + NEWCOMER).contains(SUPPORT_SECTION).contains("Support e-mail delivery");
        assertThat(browser.text("main")).contains("the earliest effective date for this version is " + EARLIEST);
        assertThat(browser.find("#effectiveAt").getDomProperty("value")).as("prefilled").isEqualTo(EARLIEST);
        browser.screenshot("console-publish");

        browser.type("#summary", SUMMARY);
        browser.submit("Publish", heading("Version 3 (upcoming)"));
        assertThat(browser.driver().getCurrentUrl()).contains("/console/versions/3");
        assertThat(browser.text("main [role=status]")).contains("Version published");
        assertThat(browser.text("p.lede")).startsWith(SUMMARY);
    }

    private void auditorSeesTheEvidence(String messageId) {
        browser.go("/console/versions/3");
        browser.waitFor(heading("Version 3 (current)"));
        List<WebElement> deliveries = browser.findAll("table tbody tr");
        assertThat(deliveries).extracting(row -> cell(row, "Kind")).containsExactlyInAnyOrder("ANNOUNCEMENT", "OBJECTION_RECEIVED");
        WebElement record = deliveries.stream().filter(row -> cell(row, "Kind").equals("ANNOUNCEMENT")).findFirst().orElseThrow();
        assertThat(cell(record, "Recipient")).isEqualTo(VISITOR + " (" + ORGANISATION + ")");
        assertThat(cell(record, "Kind")).isEqualTo("ANNOUNCEMENT");
        assertThat(browser.findAll("main p.hint a")).extracting(WebElement::getText).doesNotContain("Stop updating");
        assertThat(cell(record, "Status")).isEqualTo("SENT");
        assertThat(cell(record, "Message-ID")).isEqualTo(messageId).startsWith("<notice-");

        List<WebElement> objections = browser.findAll("main section.panel");
        assertThat(objections).hasSize(1);
        assertThat(objections.get(0).getText()).contains(VISITOR + " (" + ORGANISATION + ") objected on")
                .contains("to " + NEWCOMER + ":").contains(REASON).contains("Open.");
        assertThat(browser.findAll("form[action*='/objections/']")).as("auditors only read").isEmpty();
        browser.screenshot("console-version-evidence");
        assertAccessible("the version evidence page");
    }

    // ------------------------------------------------------------------ helpers

    private WebElement tableOf(String sectionTitle) {
        return browser.driver().findElement(By.xpath("//section[h2[normalize-space()='" + sectionTitle + "']]//table"));
    }

    private WebElement rowOf(String name) {
        return browser.driver().findElement(By.xpath("//table//tr[th[@scope='row'][starts-with(normalize-space(), '" + name + "')]]"));
    }

    private static String cell(WebElement row, String label) {
        return row.findElement(By.cssSelector("[data-label='" + label + "']")).getText();
    }

    /** The latest mail to {@code address}, after asserting how many it has received in all. */
    private static MimeMessage latestMailTo(String address, int count) {
        List<MimeMessage> mails = Mailbox.awaitTo(address, count);
        assertThat(mails).as("mails to " + address).hasSize(count);
        return mails.get(count - 1);
    }
}
