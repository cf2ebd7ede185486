package io.subregistry.webhook;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.subregistry.listformat.SchemaValidation;
import io.subregistry.support.Api;
import io.subregistry.support.Entries;
import io.subregistry.support.RegistryTest;
import io.subregistry.webhook.WebhookReceiver.Answer;
import io.subregistry.webhook.WebhookReceiver.Received;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static io.subregistry.support.Staff.asAuditor;
import static io.subregistry.support.Staff.asLegal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class WebhookDeliveryTest extends RegistryTest {

    @Inject
    WebhookDispatcher dispatcher;

    @Inject
    WebhookEvents events;

    private WebhookReceiver receiver;

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    private JsonPath register(List<String> eventTypes) {
        return asLegal().contentType("application/json")
                .body(Map.of("url", receiver.url("/hooks/subprocessors"), "events", eventTypes, "description", "Privacy team's tool"))
                .post("/api/v1/webhooks")
                .then().statusCode(201).header("Location", containsString("/api/v1/webhooks/"))
                .body("secret", org.hamcrest.Matchers.startsWith("whsec_"))
                .extract().jsonPath();
    }

    private static boolean verifies(String secret, Received request, Instant now) {
        return new StandardWebhooksVerifier(secret).verify(request.header("webhook-id"), request.header("webhook-timestamp"),
                request.header("webhook-signature"), request.body(), now);
    }

    @Test
    void aPublishAndAnEffectiveDateReachTheReceiverSignedAsTheSpecificationSays() {
        JsonPath endpoint = register(List.of("version.published", "version.effective"));
        String secret = endpoint.getString("secret");

        Api.addToDraft(Entries.named("Postmark").in("support").with("website", "https://postmarkapp.com"));
        int version = Api.publishWithNotice("Adds Postmark");
        assertThat(dispatcher.deliverDue().delivered()).isEqualTo(1);

        Received published = receiver.received().get(0);
        assertThat(published.path()).isEqualTo("/hooks/subprocessors");
        assertThat(published.header("Content-Type")).startsWith("application/json");
        assertThat(published.header("webhook-id")).startsWith("msg_");
        assertThat(verifies(secret, published, clock.instant())).isTrue();
        assertThat(verifies(secret, new Received(published.path(), published.headers(),
                published.body().replace("Postmark", "Postmork")), clock.instant())).as("a tampered body").isFalse();
        assertThat(verifies(secret, published, clock.instant().plus(Duration.ofHours(1)))).as("a replay an hour later").isFalse();
        JsonPath body = JsonPath.from(published.body());
        assertThat(body.getString("type")).isEqualTo("version.published");
        assertThat(body.getInt("data.version.number")).isEqualTo(version);
        assertThat(body.getString("data.version.signature.algorithm")).isEqualTo("Ed25519");
        assertThat(body.getList("data.changes.name")).contains("Postmark");
        var schema = SchemaValidation.schema(given().get("/schemas/webhook-event/v1.json").asString());
        assertThat(SchemaValidation.errors(schema, published.body())).isEmpty();

        // The versions in force before the endpoint existed are not announced; this one is, once, on its day.
        assertThat(events.queueEffective()).isEqualTo(2);
        assertThat(dispatcher.deliverDue().claimed()).isZero();
        clock.set(given().get("/api/v1/versions/" + version).jsonPath().getString("effectiveAt").transform(Instant::parse));
        assertThat(events.queueEffective()).isEqualTo(1);
        assertThat(events.queueEffective()).isZero();
        dispatcher.deliverDue();
        Received effective = receiver.received().get(1);
        assertThat(verifies(secret, effective, clock.instant())).isTrue();
        assertThat(JsonPath.from(effective.body()).getString("type")).isEqualTo("version.effective");
        assertThat(SchemaValidation.errors(schema, effective.body())).isEmpty();
        assertThat(receiver.received()).hasSize(2);
    }

    @Test
    void aReceiverAnswering500ThenOkGetsExactlyOneAcceptedDeliveryWithTheSameIdAndBody() {
        String id = register(List.of("version.published")).getString("id");
        receiver.answering(new Answer(500, Map.of(), "{\"error\":\"database down\"}"));

        Api.addToDraft(Entries.named("Postmark").in("support"));
        Api.publishWithNotice("Adds Postmark");
        DispatcherRound first = DispatcherRound.of(dispatcher.deliverDue());
        assertThat(first.retrying()).isEqualTo(1);
        assertThat(dispatcher.deliverDue().claimed()).as("not due before the backoff").isZero();

        clock.advance(Duration.ofMinutes(10));
        assertThat(dispatcher.deliverDue().delivered()).isEqualTo(1);
        clock.advance(Duration.ofDays(2));
        assertThat(dispatcher.deliverDue().claimed()).isZero();

        List<Received> received = receiver.received();
        assertThat(received).hasSize(2);
        assertThat(received.get(1).header("webhook-id")).isEqualTo(received.get(0).header("webhook-id"));
        assertThat(received.get(1).body()).isEqualTo(received.get(0).body());

        JsonPath history = asAuditor().get("/api/v1/webhooks/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(history.getString("secret")).isNull();
        assertThat(history.getList("deliveries")).hasSize(1);
        assertThat(history.getString("deliveries[0].status")).isEqualTo("DELIVERED");
        assertThat(history.getList("deliveries[0].attemptLog.statusCode")).containsExactly(500, 200);
        assertThat(history.getString("deliveries[0].attemptLog[0].response")).contains("database down");
        assertThat(history.getInt("consecutiveFailures")).isZero();
    }

    @Test
    void redirectsAreNotFollowedAndOnlyTheFirstKilobyteOfAnAnswerIsKept() {
        String id = register(List.of("version.published")).getString("id");
        receiver.answering(new Answer(302, Map.of("Location", receiver.url("/elsewhere")), ""),
                new Answer(200, Map.of(), "x".repeat(5000)));

        assertThat(asLegal().post("/api/v1/webhooks/" + id + "/test").then().statusCode(200)
                .body("delivered", equalTo(false)).body("statusCode", equalTo(302)).extract().path("status").toString())
                .isEqualTo("RETRYING");
        assertThat(receiver.received()).extracting(Received::path).doesNotContain("/elsewhere");

        asLegal().post("/api/v1/webhooks/" + id + "/test").then().statusCode(200).body("delivered", equalTo(true));
        JsonPath history = asAuditor().get("/api/v1/webhooks/" + id).jsonPath();
        String kept = history.getString("deliveries.find { it.status == 'DELIVERED' }.attemptLog[0].response");
        assertThat(kept).hasSize(1024);
        Received ping = receiver.received().get(1);
        assertThat(JsonPath.from(ping.body()).getString("type")).isEqualTo("ping");
    }

    @Test
    void aRotatedSecretSignsAtOnceAndTheOldOneOnlyDuringTheGracePeriod() {
        JsonPath endpoint = register(List.of("version.published"));
        String id = endpoint.getString("id");
        String oldSecret = endpoint.getString("secret");

        String newSecret = asLegal().post("/api/v1/webhooks/" + id + "/rotate-secret").then().statusCode(200)
                .extract().path("secret");
        assertThat(newSecret).startsWith("whsec_").isNotEqualTo(oldSecret);
        asLegal().post("/api/v1/webhooks/" + id + "/test").then().statusCode(200).body("delivered", equalTo(true));
        Received during = receiver.received().get(0);
        assertThat(during.header("webhook-signature").split(" ")).hasSize(2);
        assertThat(verifies(newSecret, during, clock.instant())).isTrue();
        assertThat(verifies(oldSecret, during, clock.instant())).isTrue();

        clock.advance(Duration.ofHours(25));
        asLegal().post("/api/v1/webhooks/" + id + "/test").then().statusCode(200).body("delivered", equalTo(true));
        Received after = receiver.received().get(1);
        assertThat(verifies(newSecret, after, clock.instant())).isTrue();
        assertThat(verifies(oldSecret, after, clock.instant())).isFalse();
        assertThat(asAuditor().get("/api/v1/audit-log").asString()).contains("WEBHOOK_SECRET_ROTATED");
    }

    @Test
    void anEndpointThatKeepsFailingIsDisabledAuditedAndCanBeEnabledAgain() {
        String id = register(List.of("version.published")).getString("id");
        receiver.answering(Answer.status(503), Answer.status(503), Answer.status(503));
        for (int i = 0; i < 3; i++) {
            asLegal().post("/api/v1/webhooks/" + id + "/test").then().statusCode(200).body("delivered", equalTo(false));
        }
        asAuditor().get("/api/v1/webhooks/" + id).then().body("status", equalTo("DISABLED"))
                .body("disabledReason", containsString("3 consecutive failed attempts"));
        assertThat(asAuditor().get("/api/v1/audit-log").asString()).contains("WEBHOOK_DISABLED");
        asLegal().post("/api/v1/webhooks/" + id + "/test").then().statusCode(422)
                .contentType("application/problem+json");

        Api.addToDraft(Entries.named("Postmark").in("support"));
        Api.publishWithNotice("Adds Postmark");
        assertThat(dispatcher.deliverDue().claimed()).as("nothing goes to a disabled endpoint").isZero();

        asLegal().post("/api/v1/webhooks/" + id + "/enable").then().statusCode(200).body("status", equalTo("ACTIVE"));
        assertThat(dispatcher.deliverDue().delivered()).as("the queued event goes out once enabled").isEqualTo(1);
    }

    @Test
    void registrationIsForLegalStaffAndBadRequestsAreRefusedClearly() {
        given().contentType("application/json").body(Map.of("url", receiver.url("/"), "events", List.of("ping")))
                .post("/api/v1/webhooks").then().statusCode(401);
        asAuditor().contentType("application/json").body(Map.of("url", receiver.url("/"), "events", List.of("ping")))
                .post("/api/v1/webhooks").then().statusCode(403);
        asLegal().contentType("application/json").body(Map.of("url", receiver.url("/"), "events", List.of("version.deleted")))
                .post("/api/v1/webhooks").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("events"));
        asLegal().contentType("application/json").post("/api/v1/webhooks").then().statusCode(422)
                .contentType("application/problem+json");
        asLegal().contentType("application/json").body(Map.of("events", List.of("version.published")))
                .post("/api/v1/webhooks").then().statusCode(400).body("errors[0].field", equalTo("url"));
        asLegal().contentType("application/json").body(Map.of("url", "ftp://example.com/", "events", List.of("ping")))
                .post("/api/v1/webhooks").then().statusCode(422).body("detail", containsString("only http and https"));

        String id = register(List.of("version.published")).getString("id");
        asAuditor().get("/api/v1/webhooks").then().statusCode(200).body("id", org.hamcrest.Matchers.hasItem(id))
                .body("secret", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.nullValue()));
        asAuditor().delete("/api/v1/webhooks/" + id).then().statusCode(403);
        asLegal().delete("/api/v1/webhooks/" + id).then().statusCode(204);
        asAuditor().get("/api/v1/webhooks/" + id).then().statusCode(404).contentType("application/problem+json");
        Api.addToDraft(Entries.named("Postmark").in("support"));
        Api.publishWithNotice("Adds Postmark");
        assertThat(dispatcher.deliverDue().claimed()).isZero();
    }

    /** The dispatcher's round, named for readability. */
    private record DispatcherRound(int retrying) {
        static DispatcherRound of(WebhookDispatcher.Round round) {
            return new DispatcherRound(round.retrying());
        }
    }
}
