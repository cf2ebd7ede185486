package io.subregistry.signing;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.subregistry.support.RegistryTest;
import io.subregistry.support.Signatures;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static io.subregistry.support.Staff.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;

/** With registry.signing.private-key set, that key signs, it is published, and rotation here is refused. */
@QuarkusTest
@TestProfile(ConfiguredKeyTest.WithKey.class)
class ConfiguredKeyTest extends RegistryTest {

    public static class WithKey implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("registry.signing.private-key", Ed25519Test.rfc8032Pem());
        }
    }

    static final String KEY_ID = Ed25519.fromPkcs8(Ed25519Test.rfc8032Pem()).keyId();

    @Test
    void theConfiguredKeySignsAndIsPublished() {
        assertThat(given().get("/api/v1/versions/2").<String>path("signature.keyId")).isEqualTo(KEY_ID);
        assertThat(Signatures.verifies(given().get("/api/v1/versions/2").jsonPath())).isTrue();
        assertThat(given().get("/.well-known/subprocessor-keys.json").<String>path("keys.find { it.kid == '" + KEY_ID
                + "' }.retired")).isNull();
    }

    @Test
    void rotatingAConfiguredKeyIsAConflict() {
        Response refused = asAdmin().post("/api/v1/admin/signing-keys/rotate");

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.<String>path("detail")).contains("registry.signing.private-key").doesNotContain("Exception");
    }
}
