package io.subregistry.webhook;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.subregistry.customer.ObligationService;
import io.subregistry.listformat.SchemaValidation;
import io.subregistry.support.Api;
import io.subregistry.support.Entries;
import io.subregistry.support.MutableClock;
import io.subregistry.support.RegistryTest;
import io.subregistry.webhook.WebhookReceiver.Received;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static io.subregistry.support.Staff.asAuditor;
import static io.subregistry.support.Staff.asLegal;
import static org.assertj.core.api.Assertions.assertThat;

/** Customers' own endpoints: events that concern them, obligation.at_risk, and a 2xx as notice in the evidence. */
@QuarkusTest
class WebhookCustomerTest extends RegistryTest {

    @Inject
    WebhookDispatcher dispatcher;

    @Inject
    ObligationService obligations;

    private WebhookReceiver receiver;

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    private static String customer(String name, List<String> sections, String contact) {
        return asLegal().contentType(ContentType.JSON)
                .body(Map.of("name", name, "noticePeriodDays", 30, "sections", sections,
                        "contacts", List.of(Map.of("email", contact))))
                .post("/api/v1/customers").then().statusCode(201).extract().path("id");
    }

    private String endpoint(String path, List<String> events, String customerId) {
        Map<String, Object> body = customerId == null ? Map.of("url", receiver.url(path), "events", events)
                : Map.of("url", receiver.url(path), "events", events, "customerId", customerId);
        return asLegal().contentType(ContentType.JSON).body(body).post("/api/v1/webhooks")
                .then().statusCode(201).extract().path("id");
    }

    private List<Received> at(String path) {
        return receiver.received().stream().filter(r -> r.path().equals(path)).toList();
    }

    @Test
    void customersGetWhatConcernsThemAnAcceptedDeliveryNotifiesAndAtRiskIsAnnouncedOnce() {
        String clinic = customer("Clinic AG", List.of(), "dpo@clinic.example.test");
        String lab = customer("Lab GmbH", List.of("product"), "dpo@lab.example.test");
        String late = customer("Late AG", List.of(), "dpo@late.example.test");
        endpoint("/clinic", List.of("version.published"), clinic);
        endpoint("/lab", List.of("version.published"), lab);
        endpoint("/late", List.of("obligation.at_risk"), late);
        endpoint("/registry", List.of("obligation.at_risk"), null);

        Api.addToDraft(Entries.named("Postmark").in("support"));
        LocalDate effective = LocalDate.ofInstant(MutableClock.START, ZoneOffset.UTC).plusDays(40);
        int version = Api.publishOrFail(effective, "Adds Postmark");
        dispatcher.deliverDue();
        Instant delivered = clock.instant();
        assertThat(at("/clinic")).hasSize(1);
        assertThat(at("/lab")).as("a version that does not touch the customer's sections").isEmpty();

        // No mail went out (the notice dispatcher is off in tests): the webhook's 2xx is the notice.
        obligations.refresh();
        JsonPath report = asAuditor().get("/api/v1/versions/" + version + "/obligations").jsonPath();
        assertThat(report.getString("obligations.find { it.name == 'Clinic AG' }.status")).isEqualTo("NOTIFIED");
        assertThat(report.getString("obligations.find { it.name == 'Clinic AG' }.notifiedAt")).isEqualTo(delivered.toString());
        assertThat(report.getString("obligations.find { it.name == 'Late AG' }.status")).isEqualTo("PENDING");
        assertThat(at("/late")).isEmpty();

        // The customer's evidence shows the delivery that notified it, in JSON and in the file.
        JsonPath evidence = asAuditor().get("/api/v1/customers/" + clinic + "/evidence").jsonPath();
        assertThat(evidence.getString("versions[0].notifiedAt")).isEqualTo(delivered.toString());
        assertThat(evidence.getList("versions[0].webhooks")).hasSize(1);
        assertThat(evidence.getString("versions[0].webhooks[0].url")).isEqualTo(receiver.url("/clinic"));
        assertThat(evidence.getString("versions[0].webhooks[0].webhookId")).isEqualTo(at("/clinic").get(0).header("webhook-id"));
        assertThat(evidence.getString("versions[0].webhooks[0].deliveryStatus")).isEqualTo("DELIVERED");
        assertThat(evidence.getString("versions[0].webhooks[0].deliveredAt")).isEqualTo(delivered.toString());
        assertThat(evidence.getInt("versions[0].webhooks[0].lastHttpStatus")).isBetween(200, 299);
        String file = asAuditor().accept("text/csv").get("/api/v1/customers/" + clinic + "/evidence").then().statusCode(200)
                .extract().asString();
        assertThat(file.lines().filter(line -> line.contains(",webhook," + receiver.url("/clinic") + ",version.published,DELIVERED,")))
                .hasSize(1);
        assertThat(asAuditor().get("/api/v1/customers/" + late + "/evidence").jsonPath().getList("versions[0].webhooks"))
                .as("Late AG's endpoint takes no version.published").isEmpty();

        // Two days before Late AG's due date, with no notice: AT_RISK, announced once to its endpoint and the registry's.
        Instant dueBy = Instant.parse(report.getString("obligations.find { it.name == 'Late AG' }.dueBy"));
        clock.set(dueBy.minus(Duration.ofDays(2)));
        obligations.refresh();
        obligations.refresh();
        dispatcher.deliverDue();
        assertThat(at("/late")).hasSize(1);
        assertThat(at("/registry")).hasSize(1);
        JsonPath event = JsonPath.from(at("/late").get(0).body());
        assertThat(event.getString("type")).isEqualTo("obligation.at_risk");
        assertThat(event.getString("data.customerId")).isEqualTo(late);
        assertThat(event.getString("data.customerName")).isEqualTo("Late AG");
        assertThat(event.getInt("data.version")).isEqualTo(version);
        assertThat(event.getString("data.dueBy")).isEqualTo(dueBy.toString());
        var schema = SchemaValidation.schema(given().get("/schemas/webhook-event/v1.json").asString());
        assertThat(SchemaValidation.errors(schema, at("/late").get(0).body())).isEmpty();
        assertThat(at("/registry").get(0).header("webhook-id")).isEqualTo(at("/late").get(0).header("webhook-id"));
        assertThat(at("/clinic")).as("at-risk events go to the registry's and that customer's endpoints only").hasSize(1);
    }

    @Test
    void anEndpointMustNameALiveCustomer() {
        asLegal().contentType(ContentType.JSON)
                .body(Map.of("url", receiver.url("/x"), "events", List.of("version.published"),
                        "customerId", "00000000-0000-0000-0000-000000000000"))
                .post("/api/v1/webhooks").then().statusCode(422).contentType("application/problem+json");
    }
}
