package io.subregistry.signing;

import io.quarkus.cache.CacheManager;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.subregistry.support.Api;
import io.subregistry.support.Entries;
import io.subregistry.support.RegistryTest;
import io.subregistry.support.TestDatabase.DatabaseRefusal;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static io.subregistry.support.Signatures.verifies;
import static io.subregistry.support.Staff.asAdmin;
import static io.subregistry.support.Staff.asAuditor;
import static io.subregistry.support.Staff.asLegal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every version is signed, any key that signed stays published, and tampering with a signature shows. */
@QuarkusTest
class SigningTest extends RegistryTest {

    @Inject
    VersionSigner signer;

    @Inject
    CacheManager caches;

    @Test
    void everyVersionCarriesASignatureThatThePublishedKeyVerifies() {
        Api.addToDraft(Entries.named("Postmark"));
        int number = Api.publishWithNotice("Adds Postmark");

        List<Map<String, Object>> listed = given().get("/api/v1/versions").then().statusCode(200).extract().path("");
        assertThat(listed).hasSize(number);
        for (int n = 1; n <= number; n++) {
            JsonPath version = given().accept("application/json").get("/api/v1/versions/" + n).then().statusCode(200)
                    .extract().jsonPath();
            assertThat(version.getString("signature.algorithm")).isEqualTo("Ed25519");
            assertThat(listed.get(n - 1).get("signature")).isEqualTo(version.getMap("signature"));
            assertThat(verifies(version)).as("version %d verifies", n).isTrue();
        }
        assertThat(given().get("/api/v1/upcoming").<String>path("[0].version.signature.keyId"))
                .isEqualTo(given().get("/api/v1/versions/" + number).path("signature.keyId"));
    }

    @Test
    void theKeySetIsAnRfc8037Jwks() {
        String signer = given().get("/api/v1/versions/2").path("signature.keyId");
        JsonPath keys = given().get("/.well-known/subprocessor-keys.json").then().statusCode(200)
                .contentType("application/json").extract().jsonPath();
        Map<String, Object> key = keys.getMap("keys.find { it.kid == '" + signer + "' }");
        assertThat(key).containsEntry("kty", "OKP").containsEntry("crv", "Ed25519").containsEntry("use", "sig")
                .containsEntry("alg", "EdDSA").doesNotContainKey("retired");
        assertThat(key.get("kid")).isEqualTo(Ed25519.thumbprint((String) key.get("x")));
        assertThat(keys.getList("keys.kid")).doesNotHaveDuplicates();
    }

    @Test
    void aRotatedKeyStaysPublishedAndOldVersionsStillVerify() {
        String before = given().get("/api/v1/versions/2").path("signature.keyId");
        asLegal().post("/api/v1/admin/signing-keys/rotate").then().statusCode(403);

        Response rotated = asAdmin().post("/api/v1/admin/signing-keys/rotate");

        assertThat(rotated.statusCode()).isEqualTo(201);
        String after = rotated.path("keyId");
        assertThat(after).isNotEqualTo(before);
        assertThat(rotated.<String>path("retiredKeyId")).isEqualTo(before);
        Api.addToDraft(Entries.named("Postmark"));
        int number = Api.publishWithNotice("Adds Postmark");
        JsonPath latest = given().get("/api/v1/versions/" + number).jsonPath();
        assertThat(latest.getString("signature.keyId")).isEqualTo(after);
        assertThat(verifies(latest)).isTrue();
        assertThat(verifies(given().get("/api/v1/versions/2").jsonPath())).isTrue();
        JsonPath keys = given().get("/.well-known/subprocessor-keys.json").jsonPath();
        assertThat(keys.getString("keys.find { it.kid == '" + before + "' }.retired")).isNotNull();
        assertThat(keys.getString("keys.find { it.kid == '" + after + "' }.retired")).isNull();
        assertThat(asAuditor().get("/api/v1/versions/verify").<Boolean>path("valid")).isTrue();
        assertThat(asAuditor().get("/api/v1/audit-log").asString()).contains("SIGNING_KEY_ROTATED");
    }

    @Test
    void aKeyRetiredByAnotherInstanceNeverSignsAgain() {
        String before = given().get("/api/v1/versions/2").path("signature.keyId");
        // what a rotation on another instance leaves in the database: this instance still remembers the old key
        database.execute("update signing_key set retired_at = now() where retired_at is null");

        Api.addToDraft(Entries.named("Postmark"));
        int number = Api.publishWithNotice("Adds Postmark");

        JsonPath latest = given().get("/api/v1/versions/" + number).jsonPath();
        assertThat(latest.getString("signature.keyId")).isNotEqualTo(before);
        assertThat(verifies(latest)).isTrue();
        assertThat(database.count("select count(*) from signing_key where retired_at is null")).isEqualTo(1);
    }

    @Test
    void aTamperedSignatureMakesTheChainInvalid() {
        assertThat(asAuditor().get("/api/v1/versions/verify").<Boolean>path("valid")).isTrue();
        assertThatThrownBy(() -> database.execute("update version_signature set value = reverse(value)"))
                .isInstanceOf(DatabaseRefusal.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> database.execute("delete from signing_key")).hasMessageContaining("never deleted");

        database.execute("""
                set session_replication_role = replica;
                update version_signature set value = (select value from version_signature where version_number = 1)
                 where version_number = 2;
                set session_replication_role = origin;""");

        Response report = asAuditor().get("/api/v1/versions/verify");
        assertThat(report.<Boolean>path("valid")).isFalse();
        assertThat(report.<Integer>path("firstBroken.version")).isEqualTo(2);
        assertThat(report.<String>path("firstBroken.reason")).contains("signature").contains("does not verify");
    }

    @Test
    void versionsPublishedBeforeSigningAreSignedOnceAtStart() {
        database.execute("""
                set session_replication_role = replica;
                delete from version_signature;
                set session_replication_role = origin;""");
        caches.getCache("version-signatures").orElseThrow().invalidateAll().await().indefinitely();
        assertThat(asAuditor().get("/api/v1/versions/verify").<String>path("firstBroken.reason"))
                .isEqualTo("it has no signature");

        assertThat(signer.signUnsigned()).isEqualTo(2);
        assertThat(signer.signUnsigned()).isZero();

        assertThat(asAuditor().get("/api/v1/versions/verify").<Boolean>path("valid")).isTrue();
        assertThat(verifies(given().get("/api/v1/versions/1").jsonPath())).isTrue();
    }
}
