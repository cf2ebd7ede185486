package io.subregistry.diff;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.subregistry.support.Api;
import io.subregistry.support.Entries;
import io.subregistry.support.RegistryTest;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static io.subregistry.support.Staff.asLegal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class DiffApiTest extends RegistryTest {

    @Test
    void theDiffBetweenTheSampleVersionsIsGongIoAddedAndReversedRemoved() {
        Response forward = given().accept("application/json").get("/api/v1/diff?from=1&to=2");
        Response backward = given().accept("application/json").get("/api/v1/diff?from=2&to=1");

        assertThat(forward.<List<String>>path("changes.type")).containsExactly("ADDED");
        assertThat(forward.<String>path("changes[0].name")).isEqualTo("Gong.io");
        assertThat(forward.<String>path("changes[0].entry.location")).isEqualTo("USA/EU");
        assertThat(forward.<Integer>path("counts.ADDED")).isEqualTo(1);
        assertThat(backward.<List<String>>path("changes.type")).containsExactly("REMOVED");
    }

    @Test
    void theJsonPatchTurnsOneSnapshotIntoTheOtherWithAStandardLibrary() {
        makeAVersionWithEveryKindOfChange();

        for (int[] pair : new int[][]{{1, 2}, {2, 3}, {1, 3}, {3, 1}, {3, 2}, {2, 2}}) {
            JsonArray patch = jsonArray(given().accept("application/json-patch+json")
                    .get("/api/v1/diff?from=" + pair[0] + "&to=" + pair[1]).then().statusCode(200)
                    .contentType("application/json-patch+json").extract().asString());
            JsonStructure from = snapshotOf(pair[0]);
            JsonStructure to = snapshotOf(pair[1]);

            assertThat(Json.createPatch(patch).apply(from)).as("patch %d→%d", pair[0], pair[1]).isEqualTo(to);
        }
    }

    @Test
    void aSingleFieldChangeIsASingleReplace() {
        String ada = asLegal().get("/api/v1/draft").path("sections.subprocessors.flatten().find { it.name == 'ADA' }.id");
        asLegal().header("If-Match", Api.entryTag(ada)).contentType(ContentType.JSON).body(Entries.named("ADA").in("support")
                        .with("legalAddress", "Köpenicker Str. 126, 10179 Berlin, Germany").with("location", "USA")
                        .with("processingActivity", "Name, email, IP address, and support-related metadata").body())
                .put("/api/v1/draft/subprocessors/" + ada).then().statusCode(200);
        Api.publishOrFail(today(), "ADA moves to the USA");

        List<Map<String, Object>> patch = given().accept("application/json-patch+json").get("/api/v1/diff?from=2&to=3")
                .jsonPath().getList("");

        assertThat(patch).containsExactly(Map.of("op", "replace", "path", "/sections/2/subprocessors/0/location", "value", "USA"));
    }

    @Test
    void csvHasARowPerChangedField() {
        makeAVersionWithEveryKindOfChange();

        List<String> rows = given().accept("text/csv").get("/api/v1/diff?from=2&to=3").asString().lines().toList();

        assertThat(rows.get(0)).isEqualTo("type,subprocessorId,name,section,fromSection,field,before,after");
        assertThat(rows).anyMatch(row -> row.startsWith("MODIFIED,") && row.endsWith(",location,USA/EU,EU"));
        assertThat(rows).anyMatch(row -> row.startsWith("REMOVED,") && row.contains(",Webflow,"));
        assertThat(rows).anyMatch(row -> row.startsWith("SECTION_ADDED,") && row.contains(",hr,"));
    }

    @Test
    void unknownVersionsAndMissingParametersAreProblems() {
        given().get("/api/v1/diff?from=1&to=9").then().statusCode(404).contentType("application/problem+json");
        given().get("/api/v1/diff?from=1").then().statusCode(400).contentType("application/problem+json");
        // a malformed parameter is a bad request naming it, not "no such resource"
        given().get("/api/v1/diff?from=one&to=2").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("from"));
        given().accept("application/xml").get("/api/v1/diff?from=1&to=2").then().statusCode(406);
    }

    private void makeAVersionWithEveryKindOfChange() {
        String zoom = idOf("Zoom");
        String hubspot = idOf("HubSpot");
        asLegal().header("If-Match", Api.entryTag(zoom)).contentType(ContentType.JSON).body(Entries.named("Zoom").with("legalAddress", "55 Almaden Blvd, San Jose, CA 95113, USA")
                        .with("location", "EU").with("website", "https://zoom.us")
                        .with("processingActivity", "Meeting audio/video, participant details, chat transcripts if recording enabled").body())
                .put("/api/v1/draft/subprocessors/" + zoom).then().statusCode(200);
        asLegal().header("If-Match", Api.entryTag(hubspot)).contentType(ContentType.JSON).body(Entries.named("A HubSpot renamed to sort first").in("support")
                        .with("legalAddress", "One Sir John Rogerson's Quay, Dublin 2, Ireland").with("location", "USA/EU")
                        .with("processingActivity", "Contact details").body())
                .put("/api/v1/draft/subprocessors/" + hubspot).then().statusCode(200);
        Api.removeFromDraft(idOf("Webflow"));
        asLegal().contentType(ContentType.JSON).body(Map.of("key", "hr", "title", "HR sub-processors", "position", 1))
                .post("/api/v1/draft/sections").then().statusCode(201);
        Api.addToDraft(Entries.named("Personio").in("hr"));
        Api.addToDraft(Entries.named("Mailgun").in("product").with("dpaUrl", "https://mailgun.com/dpa"));
        asLegal().header("If-Match", Api.sectionTag("sales")).contentType(ContentType.JSON).body(Map.of("title", "Sales sub-processors", "note", "Changed note.", "position", 4))
                .put("/api/v1/draft/sections/sales").then().statusCode(200);
        Api.publishOrFail(today().plusDays(31), "Every kind of change");
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static JsonStructure snapshotOf(int version) {
        JsonObject body = Json.createReader(new StringReader(given().get("/api/v1/versions/" + version).asString())).readObject();
        return body.getJsonObject("snapshot");
    }

    private static JsonArray jsonArray(String text) {
        return Json.createReader(new StringReader(text)).readArray();
    }

    private static String idOf(String name) {
        return asLegal().get("/api/v1/draft").path("sections.subprocessors.flatten().find { it.name == '" + name + "' }.id");
    }
}
