package io.subregistry.registry.version;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.subregistry.support.Api;
import io.subregistry.support.Entries;
import io.subregistry.support.Mailbox;
import io.subregistry.support.RegistryTest;
import io.subregistry.support.Subscribers;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

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

/** An emergency while another version is upcoming: withdraw the upcoming one, then publish at once. */
@QuarkusTest
class WithdrawalTest extends RegistryTest {

    private static final String DPO = "dpo@customer.example";

    @Inject
    Subscribers subscribers;

    @Test
    void anUpcomingVersionIsWithdrawnWithANoticeAndAnEmergencyThenTakesEffectAtOnce() {
        subscribers.confirmed(DPO);
        Mailbox.awaitSettled();
        Mailbox.clear();
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Api.addToDraft(Entries.named("Postmark").in("support"));
        int planned = Api.publishOrFail(today.plusDays(31), "Adds Postmark for support e-mail");
        MimeMessage announcement = Mailbox.awaitTo(DPO, 1).get(0);
        String staleDiff = Api.reviewedDraft();

        // an emergency while version 3 waits is refused, and the answer says how to proceed
        String breached = idOf("Zapier");
        Api.removeFromDraft(breached);
        Api.publish(Map.of("effectiveAt", today.toString(), "summary", "Removes Zapier after a breach",
                        "emergencyReason", "Zapier reported a breach of customer data"))
                .response().then().statusCode(422).body("detail", containsString("withdraw version " + planned));

        // only legal staff withdraw, and only with a reason
        asAuditor().contentType(ContentType.JSON).body(Map.of("reason", "x"))
                .post("/api/v1/versions/" + planned + "/withdrawal").then().statusCode(403);
        asLegal().contentType(ContentType.JSON).body(Map.of("reason", " "))
                .post("/api/v1/versions/" + planned + "/withdrawal").then().statusCode(422);
        asLegal().contentType(ContentType.JSON).body(Map.of("reason", "Replaced by an emergency change; planned again later."))
                .post("/api/v1/versions/" + planned + "/withdrawal").then().statusCode(200)
                .body("status", equalTo("WITHDRAWN"))
                .body("withdrawal.reason", equalTo("Replaced by an emergency change; planned again later."))
                .body("withdrawal.by", equalTo("lena.legal"));
        asLegal().contentType(ContentType.JSON).body(Map.of("reason", "again"))
                .post("/api/v1/versions/" + planned + "/withdrawal").then().statusCode(409);

        // the record is kept: the version is still published, marked withdrawn, and no longer upcoming
        given().get("/api/v1/versions/" + planned).then().statusCode(200).body("status", equalTo("WITHDRAWN"))
                .body("withdrawal.reason", containsString("emergency"));
        given().get("/api/v1/upcoming").then().statusCode(200).body("size()", equalTo(0));
        given().get("/history").then().body(containsString("Withdrawn, never in effect"));

        // who was told of it is told of the withdrawal; its objection link closes
        MimeMessage withdrawal = Mailbox.awaitTo(DPO, 2).get(1);
        assertThat(Mailbox.subject(withdrawal)).startsWith("[Example Company] Withdrawn: the change to our sub-processors announced for");
        assertThat(Mailbox.part(withdrawal, "text/plain")).contains("has been withdrawn and will not take effect")
                .contains("Replaced by an emergency change").doesNotContain(OBJECTION_PREFIX);
        String objectionToken = Mailbox.link(announcement, OBJECTION_PREFIX).substring(OBJECTION_PREFIX.length());
        given().get("/api/v1/objections/" + objectionToken).then().body("open", equalTo(false))
                .body("closedBecause", containsString("withdrawn"));

        // the withdrawal moved the draft to a new revision: a diff reviewed before it cannot be published
        asLegal().contentType(ContentType.JSON).header("If-Match", staleDiff)
                .body(Map.of("effectiveAt", today.toString(), "summary", "x", "emergencyReason", "y"))
                .post("/api/v1/draft/publish").then().statusCode(412);

        // the emergency now takes effect today; its changes are relative to version 2, the list in force
        asLegal().header("If-Match", Api.entryTag(idOf("Postmark"))).delete("/api/v1/draft/subprocessors/" + idOf("Postmark"))
                .then().statusCode(204);
        Response emergency = asLegal().contentType(ContentType.JSON).header("If-Match", Api.reviewedDraft())
                .body(Map.of("effectiveAt", today.toString(), "summary", "Removes Zapier after a breach",
                        "emergencyReason", "Zapier reported a breach of customer data"))
                .post("/api/v1/draft/publish");
        emergency.then().statusCode(201).body("number", equalTo(planned + 1)).body("status", equalTo("CURRENT"))
                .body("changes.REMOVED", equalTo(1)).body("changes.ADDED", equalTo(0));
        given().get("/api/v1/subprocessors").then().body("version", equalTo(planned + 1));
        given().get("/api/v1/versions/" + (planned + 1)).then()
                .body("emergencyReason", equalTo("Zapier reported a breach of customer data"))
                .body("previousHash", equalTo(given().get("/api/v1/versions/" + planned).path("hash")));
        asAuditor().get("/api/v1/versions/verify").then().statusCode(200).body("valid", equalTo(true));

        // a version in force cannot be withdrawn; the withdrawal is in the audit log
        asLegal().contentType(ContentType.JSON).body(Map.of("reason", "too late"))
                .post("/api/v1/versions/" + (planned + 1) + "/withdrawal").then().statusCode(409);
        assertThat(asAuditor().get("/api/v1/audit-log").<List<String>>path("events.action")).contains("VERSION_WITHDRAWN");

        // the emergency notice says the change is in effect
        MimeMessage inEffect = Mailbox.awaitTo(DPO, 3).get(2);
        assertThat(Mailbox.subject(inEffect)).startsWith("[Example Company] Change to our sub-processors, in effect since");
        assertThat(Mailbox.part(inEffect, "text/plain")).contains("Our sub-processors changed: in effect now")
                .contains("Emergency: shorter notice than usual. Reason: Zapier reported a breach of customer data")
                .doesNotContain("Upcoming change");
    }

    @Test
    void anEmergencyAdditionKeepsTheObjectionRouteOpenForTheNoticePeriod() {
        subscribers.confirmed(DPO);
        Mailbox.awaitSettled();
        Mailbox.clear();
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Api.addToDraft(Entries.named("Backup Vendor").in("product"));
        Api.publish(Map.of("effectiveAt", today.toString(), "summary", "Adds a backup vendor at once",
                "emergencyReason", "Our backup provider failed")).response().then().statusCode(201);
        MimeMessage mail = Mailbox.awaitTo(DPO, 1).get(0);
        String text = Mailbox.part(mail, "text/plain");
        // published 2 March 2026 with the 30-day notice period: objections until 1 April 2026
        assertThat(text).contains("already in effect").contains("Your right to object runs until April 1, 2026")
                .contains("terminate the affected services");
        String token = Mailbox.link(mail, OBJECTION_PREFIX).substring(OBJECTION_PREFIX.length());
        given().get("/api/v1/objections/" + token).then().body("open", equalTo(true));
        given().get("/objection/" + token).then().statusCode(200).body(containsString("April 1, 2026")).body(containsString("In effect since"));
    }

    private static String idOf(String name) {
        return asLegal().get("/api/v1/draft").path("sections.subprocessors.flatten().find { it.name == '" + name + "' }.id");
    }
}
