package io.subregistry.customer;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.subregistry.support.Api;
import io.subregistry.support.Entries;
import io.subregistry.support.Mailbox;
import io.subregistry.support.MutableClock;
import io.subregistry.support.RegistryTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static io.subregistry.support.Subscribers.OBJECTION_PREFIX;
import static io.restassured.RestAssured.given;
import static io.subregistry.support.Staff.asAuditor;
import static io.subregistry.support.Staff.asLegal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Every obligation status as time passes, against PostgreSQL and GreenMail, with the clock the test moves. */
@QuarkusTest
class ObligationTest extends RegistryTest {

    private static final String ACK_PREFIX = "http://localhost:8080/acknowledge/";

    @Inject
    ObligationService obligations;

    @Inject
    io.subregistry.notice.delivery.DeliveryService delivery;

    @Test
    void aContractLongerThanTheRegistrysBindsThePublishAndAnEmergencyWaivesItOnTheRecord() {
        String hospital = Customers.add("Hospital Group", 90, "dpo@hospital.example.test");
        Customers.add("Shop Ltd", 30, "privacy@shop.example.test");
        Mailbox.awaitAll(2);
        Api.addToDraft(Entries.named("Postmark").in("support"));

        // earliest date: 90 days from now, bound by the hospital
        Response earliest = asLegal().get("/api/v1/draft/earliest-effective-date");
        assertThat(earliest.statusCode()).isEqualTo(200);
        assertThat(earliest.<String>path("date")).isEqualTo("2026-06-01");
        assertThat(earliest.<Integer>path("noticePeriodDays")).isEqualTo(90);
        assertThat(earliest.<List<String>>path("bindingCustomers.name")).containsExactly("Hospital Group");

        // 31 days: refused, naming the hospital only
        LocalDate effective = today().plusDays(31);
        Api.publish(effective, "Adds Postmark").response().then().statusCode(422)
                .contentType(containsString("application/problem+json"))
                .body("detail", containsString("Hospital Group (90 days)"))
                .body("detail", containsString("2026-06-01"));

        // an emergency goes ahead; the version records the breach
        int version = Api.publish(Map.of("effectiveAt", effective.toString(), "summary", "Adds Postmark",
                "emergencyReason", "Our mail provider shuts down on short notice")).path("number");
        Response published = given().get("/api/v1/versions/" + version);
        assertThat(published.<List<String>>path("breaches.customerId")).containsExactly(hospital);
        assertThat(published.<Integer>path("breaches[0].requiredDays")).isEqualTo(90);
        assertThat(published.<Integer>path("breaches[0].givenDays")).isEqualTo(30);

        Response report = asAuditor().get("/api/v1/versions/" + version + "/obligations");
        assertThat(report.<Integer>path("totals.WAIVED")).isEqualTo(1);
        // the shop is due tomorrow and not notified yet: at risk until its announcement goes out
        assertThat(report.<Integer>path("totals.AT_RISK")).isEqualTo(1);
        assertThat(report.<String>path("obligations.find { it.name == 'Hospital Group' }.status")).isEqualTo("WAIVED");

        asAuditor().queryParam("action", "CONTRACTS_BREACHED").get("/api/v1/audit-log").then().statusCode(200)
                .body(containsString("Hospital Group")).body(containsString("Our mail provider shuts down"));

        // the hospital's notice states the shorter notice and why; the shop's does not
        MimeMessage toHospital = Mailbox.awaitTo("dpo@hospital.example.test", 2).get(1);
        assertThat(Mailbox.part(toHospital, "text/plain"))
                .contains("sub-processor notice contact of Hospital Group")
                .contains("Shorter notice than your contract promises: 90 days promised, 30 days given. Reason: Our mail provider shuts down")
                .contains(ACK_PREFIX);
        MimeMessage toShop = Mailbox.awaitTo("privacy@shop.example.test", 2).get(1);
        assertThat(Mailbox.part(toShop, "text/plain")).doesNotContain("Your contract promises");

        // the waived obligation stays WAIVED once notified
        obligations.refresh();
        asAuditor().get("/api/v1/versions/" + version + "/obligations").then()
                .body("totals.WAIVED", equalTo(1)).body("totals.NOTIFIED", equalTo(1));
    }

    @Test
    void notifiedThenAcknowledgedAndRemindedOnceAndObjectionsCloseWithTheCustomersWindow() {
        Map<String, Object> body = Customers.with(Customers.customer("Clinic AG", 30, "a@clinic.example.test",
                "b@clinic.example.test"), "objectionWindowDays", 14);
        String clinic = Customers.add(body);
        List<MimeMessage> registered = Mailbox.awaitTo("a@clinic.example.test", 1);
        assertThat(Mailbox.subject(registered.get(0))).isEqualTo("[Example Company] You are the sub-processor notice contact of Clinic AG");
        assertThat(Mailbox.part(registered.get(0), "text/plain")).contains("http://localhost:8080/unsubscribe/");

        Api.addToDraft(Entries.named("Postmark").in("support"));
        int version = Api.publishOrFail(today().plusDays(40), "Adds Postmark");
        asAuditor().get("/api/v1/versions/" + version + "/obligations").then()
                .body("obligations[0].status", equalTo("PENDING"))
                .body("obligations[0].dueBy", equalTo("2026-03-12T00:00:00Z"));

        MimeMessage announcement = Mailbox.awaitTo("a@clinic.example.test", 2).get(1);
        Mailbox.awaitTo("b@clinic.example.test", 2);
        Instant notified = clock.instant();
        obligations.refresh();
        Response report = asAuditor().get("/api/v1/versions/" + version + "/obligations");
        assertThat(report.<String>path("obligations[0].status")).isEqualTo("NOTIFIED");
        assertThat(report.<String>path("obligations[0].notifiedAt")).isEqualTo(notified.toString());
        assertThat(report.<List<String>>path("obligations[0].contacts.messageId")).allMatch(id -> id.startsWith("<notice-"));

        // seven days on: the objection window shows the customer's deadline (notified + 14 days)
        clock.advance(Duration.ofDays(7).plusHours(1));
        String objectionToken = Mailbox.link(announcement, OBJECTION_PREFIX).substring(OBJECTION_PREFIX.length());
        given().get("/objection/" + objectionToken).then().statusCode(200).body(containsString("March 16, 2026"));

        // nobody acknowledged: one reminder to each contact, however often the job runs
        obligations.refresh();
        obligations.refresh();
        MimeMessage reminder = Mailbox.awaitTo("a@clinic.example.test", 3).get(2);
        assertThat(Mailbox.subject(reminder)).startsWith("[Example Company] Please acknowledge: change to our sub-processors, effective");
        Mailbox.awaitTo("b@clinic.example.test", 3);
        obligations.refresh();
        Mailbox.awaitSettled();
        assertThat(Mailbox.distinct(Mailbox.to("a@clinic.example.test"))).hasSize(3);

        // acknowledging: the GET changes nothing, the POST records it
        String ackPath = Mailbox.link(announcement, ACK_PREFIX).substring("http://localhost:8080".length());
        given().get(ackPath).then().statusCode(200).body(containsString("<form method=\"post\" action=\"" + ackPath + "\""))
                .body(containsString("Clinic AG")).body(containsString("March 16, 2026"));
        asAuditor().get("/api/v1/versions/" + version + "/obligations").then().body("obligations[0].acknowledgedAt", equalTo(null));
        given().post(ackPath).then().statusCode(200).body(containsString("acknowledged"));
        String token = ackPath.substring("/acknowledge/".length());
        given().post("/api/v1/acknowledgements/" + token).then().statusCode(200)
                .body("acknowledgedBy", equalTo("a@clinic.example.test")).body("customer", equalTo("Clinic AG"));
        asAuditor().get("/api/v1/versions/" + version + "/obligations").then()
                .body("obligations[0].acknowledgedBy", equalTo("a@clinic.example.test"));
        given().post("/api/v1/acknowledgements/" + "x".repeat(43)).then().statusCode(404);

        // one contact objects: that is the customer's objection, the other contact's link says so
        String postmark = given().get("/api/v1/objections/" + objectionToken).path("additions[0].subprocessor.id");
        given().contentType(ContentType.JSON).body(Map.of("subprocessorIds", List.of(postmark), "reason", "Not in our DPA"))
                .post("/api/v1/objections/" + objectionToken).then().statusCode(201);
        MimeMessage toB = Mailbox.to("b@clinic.example.test").stream()
                .filter(mail -> Mailbox.subject(mail).contains("Upcoming change to our sub-processors")).findFirst().orElseThrow();
        String otherToken = Mailbox.link(toB, OBJECTION_PREFIX).substring(OBJECTION_PREFIX.length());
        given().contentType(ContentType.JSON).body(Map.of("subprocessorIds", List.of(postmark), "reason", "again"))
                .post("/api/v1/objections/" + otherToken).then().statusCode(409)
                .body("detail", containsString("your organisation's objection"));

        // after the customer's window (but before the effective date) objections are closed
        clock.advance(Duration.ofDays(8));
        Response closed = given().get("/api/v1/objections/" + otherToken);
        assertThat(closed.<Boolean>path("open")).isFalse();

        // the evidence names it all
        Response evidence = asAuditor().get("/api/v1/customers/" + clinic + "/evidence");
        assertThat(evidence.<Integer>path("versions[0].version")).isEqualTo(version);
        assertThat(evidence.<List<String>>path("versions[0].changes")).anyMatch(line -> line.contains("Postmark"));
        assertThat(evidence.<String>path("versions[0].acknowledgedBy")).isEqualTo("a@clinic.example.test");
        assertThat(evidence.<List<String>>path("versions[0].objections.reason")).containsExactly("Not in our DPA");
        assertThat(evidence.<List<String>>path("versions[0].notices.kind")).contains("ANNOUNCEMENT", "ACK_REMINDER");
        String csv = asAuditor().queryParam("format", "csv").get("/api/v1/customers/" + clinic + "/evidence").asString();
        assertThat(csv).contains("Clinic AG").contains("objection").contains("Not in our DPA")
                .contains(Mailbox.header(announcement, "Message-ID"));
    }

    @Test
    void aCustomerWithoutLiveContactIsAtRiskAtOnceThenBreachedWhenTheDueDatePasses() {
        String lonely = Customers.add("Lonely Corp", 30);
        assertThat(asAuditor().get("/api/v1/customers/" + lonely).<Boolean>path("atRisk")).isTrue();
        Api.addToDraft(Entries.named("Postmark").in("support"));
        int version = Api.publishOrFail(today().plusDays(31), "Adds Postmark");
        asAuditor().get("/api/v1/versions/" + version + "/obligations").then()
                .body("obligations[0].status", equalTo("AT_RISK"));

        clock.advance(Duration.ofDays(1));
        obligations.refresh();
        asAuditor().get("/api/v1/versions/" + version + "/obligations").then()
                .body("obligations[0].status", equalTo("BREACHED")).body("totals.BREACHED", equalTo(1));
        asAuditor().queryParam("status", "AT_RISK").get("/api/v1/customers").then()
                .body("customers.name", org.hamcrest.Matchers.hasItem("Lonely Corp"));
    }

    @Test
    void anSmtpOutageMakesTheNoticeAtRiskAndThenLate() {
        Customers.add("Retail SE", 30, "legal@retail.example.test");
        Mailbox.awaitTo("legal@retail.example.test", 1);
        Mailbox.serverDown();
        try {
            Api.addToDraft(Entries.named("Postmark").in("support"));
            int version = Api.publishOrFail(today().plusDays(36), "Adds Postmark");
            assertThat(delivery.deliverDue().retrying()).isEqualTo(1);
            obligations.refresh();
            asAuditor().get("/api/v1/versions/" + version + "/obligations").then()
                    .body("obligations[0].status", equalTo("PENDING"));

            clock.advance(Duration.ofDays(3));  // due in 2 days and 14 hours: within the risk lead
            obligations.refresh();
            asAuditor().get("/api/v1/versions/" + version + "/obligations").then()
                    .body("obligations[0].status", equalTo("AT_RISK"));

            clock.advance(Duration.ofDays(3));  // past the due date
            Mailbox.serverUp();
            Mailbox.awaitTo("legal@retail.example.test", 1);  // a new server: the announcement only
            obligations.refresh();
            asAuditor().get("/api/v1/versions/" + version + "/obligations").then()
                    .body("obligations[0].status", equalTo("LATE"));
        } finally {
            Mailbox.serverUp();
        }
    }

    private static LocalDate today() {
        return LocalDate.ofInstant(MutableClock.START, ZoneOffset.UTC);
    }
}
