package io.subregistry.web;

import io.quarkus.test.junit.QuarkusTest;
import io.subregistry.support.Api;
import io.subregistry.support.Entries;
import io.subregistry.support.Mailbox;
import io.subregistry.security.session.SessionCookie;
import io.subregistry.support.Staff;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static io.subregistry.support.Browser.heading;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Customers' contracts in a real browser: legal staff add a customer with 90 days' notice, see the
 * earliest lawful date move and publish; the customer's contact acknowledges receipt; an auditor
 * downloads the customer's evidence.
 */
@QuarkusTest
class CustomerJourneyTest extends BrowserJourney {

    private static final String CONTACT = "dpo@hospital.example.test";
    private static final String CUSTOMER = "Hospital Group";
    private static final String ACK_PREFIX = "http://localhost:8080/acknowledge/";
    @jakarta.inject.Inject
    io.subregistry.customer.ObligationService obligations;

    @Test
    void legalAddsAStricterCustomerAndPublishesItsContactAcknowledgesAndAnAuditorDownloadsTheEvidence() {
        Api.addToDraft(Entries.named("Postmark").in("support"));
        signIn(Staff.LEGAL);
        browser.go("/console/publish");
        browser.waitFor(heading("Publish the draft"));
        assertThat(browser.find("#effectiveAt").getDomProperty("value")).isEqualTo("2026-04-02");

        browser.go("/console/customers");
        browser.waitFor(heading("Customers"));
        browser.type("#name", CUSTOMER);
        browser.type("#noticePeriodDays", "90");
        browser.type("#contacts", "Dana DPO <" + CONTACT + ">");
        browser.submit("Add customer", heading(CUSTOMER));
        assertThat(browser.text("main [role=status]")).contains("Customer added");
        assertThat(browser.text("main")).contains(CONTACT).contains("90 days' notice");
        assertAccessible("the customer page");

        browser.go("/console/publish");
        browser.waitFor(heading("Publish the draft"));
        assertThat(browser.text("#contracts")).contains("earliest lawful date is 2026-06-01").contains(CUSTOMER)
                .contains("would breach 1 contract");
        assertThat(browser.find("#effectiveAt").getDomProperty("value")).as("the earliest lawful date").isEqualTo("2026-06-01");
        browser.screenshot("console-publish-contracts");
        assertAccessible("the publish page with contracts");
        browser.type("#summary", "Adds Postmark for support e-mail");
        browser.submit("Publish", heading("Version 3 (upcoming)"));
        signOut();

        MimeMessage announcement = Mailbox.awaitTo(CONTACT, 2).stream()
                .filter(mail -> Mailbox.subject(mail).contains("Upcoming change to our sub-processors")).findFirst().orElseThrow();
        browser.go(Mailbox.link(announcement, ACK_PREFIX));
        browser.waitFor(heading("Acknowledge receipt of version 3"));
        assertThat(browser.text("main")).contains(CUSTOMER).contains("Objections are accepted until June 1, 2026");
        browser.submit("Acknowledge receipt", ExpectedConditions.visibilityOfElementLocated(By.cssSelector("main [role=status]")));
        assertThat(browser.text("main [role=status]")).contains("Thank you").contains(CONTACT);

        obligations.refresh();  // the status job's next run
        signIn(Staff.AUDITOR);
        browser.go("/console/versions/3/obligations");
        browser.waitFor(heading("Obligations of version 3"));
        assertThat(browser.text("main table")).contains(CUSTOMER).contains("NOTIFIED").contains("by " + CONTACT);
        assertAccessible("the obligations page");
        browser.driver().findElement(By.linkText(CUSTOMER)).click();
        browser.waitFor(heading(CUSTOMER));
        assertThat(browser.findAll("form[action*='/customers/']")).as("auditors only read").isEmpty();
        String href = browser.find("a[href$='evidence.csv']").getDomProperty("href");
        // the download, with the auditor's session as the browser would send it (the page's CSP forbids scripts)
        String session = browser.driver().manage().getCookieNamed(SessionCookie.NAME).getValue();
        io.restassured.response.Response download = io.restassured.RestAssured.given().cookie(SessionCookie.NAME, session)
                .get(java.net.URI.create(href).getPath());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.header("Content-Disposition")).startsWith("attachment");
        String evidence = download.asString();
        assertThat(evidence).contains(CUSTOMER).contains("Adds Postmark for support e-mail")
                .contains(Mailbox.header(announcement, "Message-ID")).contains(CONTACT);
    }

}
