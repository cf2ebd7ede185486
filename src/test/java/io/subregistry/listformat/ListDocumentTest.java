package io.subregistry.listformat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.subregistry.support.Api;
import io.subregistry.support.Entries;
import io.subregistry.support.RegistryTest;
import io.subregistry.support.Signatures;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * /.well-known/subprocessors.json and /api/v1/upcoming conform to their published schemas, and a
 * response that drifts from its schema is caught (the validation of a mutated document fails).
 */
@QuarkusTest
class ListDocumentTest extends RegistryTest {

    static Schema served(String name) {
        Response schema = given().get("/schemas/" + name + "/v1.json");
        assertThat(schema.statusCode()).isEqualTo(200);
        assertThat(schema.contentType()).startsWith("application/schema+json");
        assertThat(schema.<String>path("$schema")).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        return SchemaValidation.schema(schema.asString());
    }

    @Test
    void theDocumentConformsToItsSchemaAndCarriesTheSignedVersion() {
        Schema schema = served("subprocessor-list");
        String body = given().get("/.well-known/subprocessors.json").then().statusCode(200)
                .contentType("application/json").extract().asString();

        assertThat(SchemaValidation.errors(schema, body)).isEmpty();
        JsonPath document = JsonPath.from(body);
        JsonPath version = given().get("/api/v1/versions/2").jsonPath();
        assertThat(document.getString("format")).isEqualTo("subprocessor-list/v1");
        assertThat(document.getString("company.name")).isEqualTo("Example Company");
        assertThat(document.getInt("version")).isEqualTo(2);
        assertThat(document.getString("effectiveAt")).isEqualTo(version.getString("effectiveAt"));
        assertThat(document.getString("publishedAt")).isEqualTo(version.getString("publishedAt"));
        assertThat(document.getString("hash")).isEqualTo(version.getString("hash"));
        assertThat(document.getString("previousHash")).isEqualTo(version.getString("previousHash"));
        assertThat(document.getMap("signature")).isEqualTo(version.getMap("signature"));
        assertThat(Signatures.verifies(document)).isTrue();
        assertThat(document.getList("sections.key")).containsExactly("product", "sales", "support");
        List<Map<String, Object>> entries = document.getList("sections.entries.flatten()");
        assertThat(entries).hasSize(version.getList("snapshot.sections.subprocessors.flatten()").size());
        assertThat(entries.get(0)).containsKeys("id", "name", "legalAddress", "location", "processingActivity", "website",
                "dataCategories", "transferMechanism", "dpaUrl", "new");
        assertThat(entries.stream().filter(entry -> Boolean.TRUE.equals(entry.get("new"))).map(entry -> entry.get("name")))
                .containsExactly("Gong.io");
        assertThat(document.getMap("links")).containsEntry("schema", "http://localhost:8080/schemas/subprocessor-list/v1.json")
                .containsEntry("history", "http://localhost:8080/api/v1/versions")
                .containsEntry("diff", "http://localhost:8080/api/v1/diff?from=1&to=2")
                .containsEntry("feed", "http://localhost:8080/feed.atom")
                .containsEntry("upcoming", "http://localhost:8080/api/v1/upcoming");
    }

    @Test
    void aDocumentThatDriftsFromTheSchemaFailsValidation() {
        Schema schema = served("subprocessor-list");
        JsonNode valid = SchemaValidation.node(given().get("/.well-known/subprocessors.json").asString());

        ObjectNode renamed = valid.deepCopy();
        renamed.set("versionNumber", renamed.remove("version"));
        ObjectNode badHash = valid.deepCopy();
        badHash.put("hash", "ABC");
        ObjectNode entryWithoutId = valid.deepCopy();
        ((ObjectNode) entryWithoutId.get("sections").get(0).get("entries").get(0)).remove("id");
        ObjectNode extraField = valid.deepCopy();
        ((ObjectNode) extraField.get("sections").get(0)).put("colour", "red");
        ObjectNode wrongAlgorithm = valid.deepCopy();
        ((ObjectNode) wrongAlgorithm.get("signature")).put("algorithm", "RS256");

        assertThat(SchemaValidation.errors(schema, valid)).isEmpty();
        assertThat(SchemaValidation.errors(schema, renamed)).anyMatch(error -> error.contains("version"));
        assertThat(SchemaValidation.errors(schema, badHash)).anyMatch(error -> error.contains("hash"));
        assertThat(SchemaValidation.errors(schema, entryWithoutId)).anyMatch(error -> error.contains("id"));
        assertThat(SchemaValidation.errors(schema, extraField)).anyMatch(error -> error.contains("colour"));
        assertThat(SchemaValidation.errors(schema, wrongAlgorithm)).isNotEmpty();
    }

    @Test
    void atGivesTheListInForceThenAndIsValidatedAsOnTheList() {
        Api.addToDraft(Entries.named("Postmark"));
        int number = Api.publishWithNotice("Adds Postmark");
        clock.advance(Duration.ofDays(32));

        assertThat(given().get("/.well-known/subprocessors.json").<Integer>path("version")).isEqualTo(number);
        String atStart = given().queryParam("at", "2026-03-01").get("/.well-known/subprocessors.json").asString();
        assertThat(JsonPath.from(atStart).getInt("version")).isEqualTo(2);
        assertThat(SchemaValidation.errors(served("subprocessor-list"), atStart)).isEmpty();
        assertThat(given().queryParam("at", "2026-03-01").get("/api/v1/subprocessors").<Integer>path("version"))
                .isEqualTo(2);

        Response bad = given().queryParam("at", "yesterday").get("/.well-known/subprocessors.json");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(given().queryParam("at", "2000-01-01").get("/.well-known/subprocessors.json").statusCode())
                .isEqualTo(404);
    }

    @Test
    void theDocumentIsCachedWithAnEtag() {
        Response first = given().get("/.well-known/subprocessors.json");
        String etag = first.header("ETag");

        assertThat(etag).startsWith("\"").endsWith("\"");
        assertThat(first.header("Cache-Control")).contains("max-age");
        given().header("If-None-Match", etag).get("/.well-known/subprocessors.json").then().statusCode(304);
    }

    @Test
    void upcomingConformsToItsSchemaAndDriftIsCaught() {
        Api.addToDraft(Entries.named("Postmark").in("support").with("website", "https://postmarkapp.com"));
        Api.publishWithNotice("Adds Postmark");
        Schema schema = served("upcoming");
        String body = given().get("/api/v1/upcoming").then().statusCode(200).extract().asString();

        assertThat(JsonPath.from(body).getList("")).hasSize(1);
        assertThat(SchemaValidation.errors(schema, body)).isEmpty();
        ArrayNode drifted = (ArrayNode) SchemaValidation.node(body);
        ((ObjectNode) drifted.get(0).get("version")).put("number", "3");
        assertThat(SchemaValidation.errors(schema, drifted)).anyMatch(error -> error.contains("number"));
    }

    @Test
    void everyWebhookEventShapeConformsAndAWrongOneFails() {
        Schema schema = served("webhook-event");
        JsonPath version = given().get("/api/v1/versions/2").jsonPath();
        String versionRef = """
                {"number":2,"publishedAt":"%s","effectiveAt":"%s","summary":"s","hash":"%s","previousHash":"%s",
                 "signature":{"keyId":"%s","algorithm":"Ed25519","value":"%s"},"url":"http://localhost:8080/api/v1/versions/2"}"""
                .formatted(version.getString("publishedAt"), version.getString("effectiveAt"), version.getString("hash"),
                        version.getString("previousHash"), version.getString("signature.keyId"),
                        version.getString("signature.value"));
        String changes = given().get("/api/v1/versions/2/changes").asString();

        assertThat(SchemaValidation.errors(schema, """
                {"type":"version.published","timestamp":"2026-03-02T10:00:00.123Z",
                 "data":{"version":%s,"effectiveAt":"%s","changes":%s}}"""
                .formatted(versionRef, version.getString("effectiveAt"), changes))).isEmpty();
        assertThat(SchemaValidation.errors(schema, """
                {"type":"version.effective","timestamp":"2026-03-02T10:00:00Z","data":{"version":%s}}"""
                .formatted(versionRef))).isEmpty();
        assertThat(SchemaValidation.errors(schema, """
                {"type":"obligation.at_risk","timestamp":"2026-03-02T10:00:00Z","data":{"obligationId":
                 "5d1e7d1c-3c1e-4a39-9f0e-0c6f6bb5e1aa","customerId":"0b7a1f55-6f8e-4c0c-8a8e-2f0f2b7c9d11",
                 "version":2,"dueBy":"2026-03-01T00:00:00Z","status":"AT_RISK"}}""")).isEmpty();
        assertThat(SchemaValidation.errors(schema, """
                {"type":"ping","timestamp":"2026-03-02T10:00:00Z","data":{"message":"hello"}}""")).isEmpty();

        assertThat(SchemaValidation.errors(schema, """
                {"type":"ping","timestamp":"2026-03-02T10:00:00Z"}""")).isNotEmpty();
        assertThat(SchemaValidation.errors(schema, """
                {"type":"version.effective","timestamp":"2026-03-02T10:00:00Z","data":{"message":"hello"}}""")).isNotEmpty();
        assertThat(SchemaValidation.errors(schema, """
                {"type":"version.deleted","timestamp":"2026-03-02T10:00:00Z","data":{}}""")).isNotEmpty();
        assertThat(SchemaValidation.errors(schema, """
                {"type":"ping","timestamp":"yesterday","data":{"message":"hello"}}""")).isNotEmpty();
    }

    @Test
    void anUnknownSchemaIsNotFoundAndThePublicPageLinksTheFormat() {
        Response unknown = given().get("/schemas/nothing/v1.json");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(given().get("/").asString()).contains("href=\"/.well-known/subprocessors.json\"")
                .contains("Machine-readable: JSON");
    }
}
