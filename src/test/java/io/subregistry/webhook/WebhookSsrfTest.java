package io.subregistry.webhook;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.subregistry.support.RegistryTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.subregistry.support.Staff.asLegal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** With the defaults (no private addresses, HTTPS only), as in production. */
@QuarkusTest
@TestProfile(WebhookSsrfTest.Defaults.class)
class WebhookSsrfTest extends RegistryTest {

    public static class Defaults implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("registry.webhooks.allow-private", "false", "registry.webhooks.allow-http", "false");
        }
    }

    @Inject
    WebhookEndpointRepository endpoints;

    @Test
    void privateLoopbackMetadataAndPlainHttpUrlsAreRefusedWithTheReason() {
        Map<String, String> refused = Map.of(
                "https://127.0.0.1/hook", "loopback",
                "https://localhost:8443/hook", "loopback",
                "https://169.254.169.254/latest/meta-data/", "link-local",
                "https://10.20.30.40/", "private",
                "https://[::1]/", "loopback",
                "http://hooks.example.com/", "only https");
        refused.forEach((url, reason) -> asLegal().contentType("application/json")
                .body(Map.of("url", url, "events", List.of("version.published")))
                .post("/api/v1/webhooks").then().statusCode(422).contentType("application/problem+json")
                .body("detail", containsString(reason)).body("errors[0].field", equalTo("url")));
    }

    @Test
    void anAddressThatTurnedPrivateAfterRegistrationIsRefusedAtDeliveryAndNothingIsSent() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            // As if DNS had answered with a public address at registration and a loopback one now.
            UUID id = UUID.randomUUID();
            QuarkusTransaction.requiringNew().run(() -> {
                WebhookEndpoint endpoint = new WebhookEndpoint();
                endpoint.id = id;
                endpoint.url = receiver.url("/hook").replace("http:", "https:");
                endpoint.events = new String[]{"version.published"};
                endpoint.secret = WebhookSecret.generate().value();
                endpoint.status = WebhookEndpoint.Status.ACTIVE;
                endpoint.createdAt = Instant.now(clock);
                endpoint.createdBy = "test";
                endpoints.persist(endpoint);
            });
            asLegal().post("/api/v1/webhooks/" + id + "/test").then().statusCode(200)
                    .body("delivered", equalTo(false)).body("error", containsString("refused: "))
                    .body("error", containsString("loopback"));
            assertThat(receiver.received()).isEmpty();
        }
    }
}
