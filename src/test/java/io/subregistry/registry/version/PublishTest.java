package io.subregistry.registry.version;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.subregistry.support.Api;
import io.subregistry.support.Entries;
import io.subregistry.support.RegistryTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static io.subregistry.support.Staff.asLegal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class PublishTest extends RegistryTest {

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    @Test
    void anAdditionPublishedWithNoticeIsUpcomingThenCurrentAndNew() {
        Api.addToDraft(Entries.named("Postmark").in("support"));

        ExtractableResponse<Response> published = Api.publish(today().plusDays(31), "Adds Postmark for support e-mail");

        assertThat(published.statusCode()).isEqualTo(201);
        assertThat(published.header("Location")).endsWith("/api/v1/versions/3");
        assertThat(published.<Integer>path("number")).isEqualTo(3);
        assertThat(published.<String>path("status")).isEqualTo("UPCOMING");
        assertThat(published.<String>path("publisher")).isEqualTo("lena.legal");
        assertThat(published.<Integer>path("changes.ADDED")).isEqualTo(1);

        given().get("/api/v1/subprocessors").then().body("version", equalTo(2));
        Response upcoming = given().get("/api/v1/upcoming");
        assertThat(upcoming.<List<Integer>>path("version.number")).containsExactly(3);
        assertThat(upcoming.<List<String>>path("[0].changes.name")).containsExactly("Postmark");

        clock.advance(Duration.ofDays(31));

        Response current = given().get("/api/v1/subprocessors");
        assertThat(current.<Integer>path("version")).isEqualTo(3);
        assertThat(current.<List<String>>path("sections.subprocessors.flatten().findAll { it.new }.name")).containsExactly("Postmark");
        assertThat(given().get("/api/v1/upcoming").<List<Object>>path("")).isEmpty();
        assertThat(given().get("/api/v1/versions").<List<String>>path("status")).containsExactly("SUPERSEDED", "SUPERSEDED", "CURRENT");
    }

    @Test
    void anAdditionWithTooLittleNoticeIsRefusedWithTheEarliestDate() {
        Api.addToDraft(Entries.named("Postmark"));

        ExtractableResponse<Response> refused = Api.publish(today().plusDays(10), "Too soon");

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.<String>path("detail")).contains("Postmark").contains(today().plusDays(31).toString())
                .contains("emergencyReason");
        assertThat(given().get("/api/v1/versions").<List<Object>>path("")).hasSize(2);
    }

    @Test
    void anEmergencyReasonAllowsShortNoticeAndIsRecorded() {
        Api.addToDraft(Entries.named("Postmark"));

        ExtractableResponse<Response> published = Api.publish(Map.of("effectiveAt", today().plusDays(2).toString(),
                "summary", "Replaces the failed mail provider", "emergencyReason", "Our mail provider shut down without notice"));

        assertThat(published.statusCode()).isEqualTo(201);
        given().get("/api/v1/versions/3").then()
                .body("emergencyReason", equalTo("Our mail provider shut down without notice"));
        asLegal().get("/api/v1/audit-log?action=VERSION_PUBLISHED").then()
                .body("events[0].details.emergencyReason", equalTo("Our mail provider shut down without notice"));
    }

    @Test
    void removalsAndEditsNeedNoNoticeAndTodayMeansNow() {
        String chargebee = idOf("Chargebee");
        asLegal().header("If-Match", Api.entryTag(chargebee)).delete("/api/v1/draft/subprocessors/" + chargebee).then().statusCode(204);

        ExtractableResponse<Response> published = Api.publish(today(), "Removes Chargebee");

        assertThat(published.statusCode()).isEqualTo(201);
        assertThat(published.<String>path("status")).isEqualTo("CURRENT");
        assertThat(given().get("/api/v1/subprocessors").<List<String>>path("sections.subprocessors.flatten().name"))
                .hasSize(16).doesNotContain("Chargebee");
    }

    @Test
    void changeEventsCarryFieldLevelBeforeAndAfter() {
        String zoom = idOf("Zoom");
        String hubspot = idOf("HubSpot");
        asLegal().header("If-Match", Api.entryTag(zoom)).contentType(ContentType.JSON)
                .body(Entries.named("Zoom Video").with("legalAddress", "55 Almaden Blvd, San Jose, CA 95113, USA")
                        .with("location", "EU").with("processingActivity",
                                "Meeting audio/video, participant details, chat transcripts if recording enabled").body())
                .put("/api/v1/draft/subprocessors/" + zoom).then().statusCode(200);
        asLegal().header("If-Match", Api.entryTag(hubspot)).contentType(ContentType.JSON)
                .body(Entries.named("HubSpot").in("support").with("legalAddress", "One Sir John Rogerson's Quay, Dublin 2, Ireland")
                        .with("location", "USA/EU").with("processingActivity",
                                "Organisation and contact details (name, email, phone number, usage metadata) for email campaigns").body())
                .put("/api/v1/draft/subprocessors/" + hubspot).then().statusCode(200);
        Api.removeFromDraft(idOf("Webflow"));
        Api.addToDraft(Entries.named("Postmark"));
        int version = Api.publishOrFail(today().plusDays(31), "Quarterly update");

        Response changes = given().get("/api/v1/versions/" + version + "/changes");

        assertThat(changes.<List<String>>path("type")).containsExactly("ADDED", "MOVED", "MODIFIED", "REMOVED");
        assertThat(changes.<String>path("find { it.type == 'MODIFIED' }.subprocessorId")).isEqualTo(zoom);
        assertThat(changes.<List<Map<String, String>>>path("find { it.type == 'MODIFIED' }.fields")).containsExactly(
                Map.of("field", "name", "before", "Zoom", "after", "Zoom Video"),
                Map.of("field", "location", "before", "USA/EU", "after", "EU"));
        assertThat(changes.<String>path("find { it.type == 'MOVED' }.fromSection")).isEqualTo("sales");
        assertThat(changes.<String>path("find { it.type == 'REMOVED' }.entry.legalAddress"))
                .isEqualTo("398 11th Street, 2nd Floor, San Francisco, CA 94103, USA");
        assertThat(given().get("/api/v1/changes?since=" + today()).<List<String>>path("changes.name"))
                .containsExactly("Postmark", "HubSpot", "Zoom Video", "Webflow");
    }

    @Test
    void publishingNothingIs409() {
        ExtractableResponse<Response> refused = Api.publish(today().plusDays(40), "Nothing");

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.<String>path("detail")).contains("no changes since version 2");
    }

    @Test
    void effectiveDatesNeverGoBackwardsNorIntoThePast() {
        Api.addToDraft(Entries.named("Postmark"));
        Api.publishOrFail(today().plusDays(60), "Far ahead");
        Api.removeFromDraft(idOf("Zapier"));

        ExtractableResponse<Response> backwards = Api.publish(today().plusDays(40), "Before the previous one");
        ExtractableResponse<Response> past = Api.publish(today().minusDays(1), "Yesterday");

        assertThat(backwards.statusCode()).isEqualTo(422);
        assertThat(backwards.<String>path("detail")).contains("never go backwards");
        assertThat(past.statusCode()).isEqualTo(422);
        assertThat(past.<String>path("detail")).contains("in the past");
    }

    @Test
    void badPublishBodiesAreProblems() {
        Api.addToDraft(Entries.named("Postmark"));

        assertThat(Api.publish(Map.of("effectiveAt", "31/12/2026", "summary", "x")).statusCode()).isEqualTo(400);
        assertThat(Api.publish(Map.of("effectiveAt", "2026-02-30", "summary", "x")).statusCode()).isEqualTo(400);
        assertThat(Api.publish(Map.of("summary", "no date")).<List<String>>path("errors.field")).contains("effectiveAt");
        assertThat(Api.publish(Map.of("effectiveAt", today().plusDays(40).toString(), "summary", "x".repeat(501)))
                .statusCode()).isEqualTo(422);
        assertThat(Api.publish(Map.of("effectiveAt", today().plusDays(40).toString(), "summary", "x",
                "noticePeriodDays", "soon")).statusCode()).isEqualTo(400);
        assertThat(Api.publish(Map.of("effectiveAt", today().plusDays(40).toString(), "summary", "x",
                "noticePeriodDays", 5)).statusCode()).isEqualTo(422);
        assertThat(given().get("/api/v1/versions").<List<Object>>path("")).hasSize(2);
    }

    @Test
    void aLongerNoticePeriodIsHonoured() {
        Api.addToDraft(Entries.named("Postmark"));

        ExtractableResponse<Response> refused = Api.publish(Map.of("effectiveAt", today().plusDays(40).toString(),
                "summary", "x", "noticePeriodDays", 90));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.<String>path("detail")).contains("90 days");
    }

    @Test
    void aStaleDraftEtagStopsThePublish() {
        String etag = asLegal().get("/api/v1/draft").header("ETag");
        Api.addToDraft(Entries.named("Postmark"));

        asLegal().contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("effectiveAt", today().plusDays(40).toString(), "summary", "x"))
                .post("/api/v1/draft/publish").then().statusCode(412);
        String fresh = asLegal().get("/api/v1/draft").header("ETag");
        asLegal().contentType(ContentType.JSON).header("If-Match", fresh)
                .body(Map.of("effectiveAt", today().plusDays(40).toString(), "summary", "x"))
                .post("/api/v1/draft/publish").then().statusCode(201);
    }

    @Test
    void concurrentPublishesMakeExactlyOneVersion() throws Exception {
        Api.addToDraft(Entries.named("Postmark"));
        Callable<Integer> publish = () -> Api.publish(today().plusDays(40), "Race").statusCode();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> results = pool.invokeAll(List.of(publish, publish, publish, publish));
            List<Integer> statuses = results.stream().map(future -> {
                try {
                    return future.get();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
            assertThat(statuses).containsOnly(201, 409).filteredOn(status -> status == 201).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(given().get("/api/v1/versions").<List<Object>>path("")).hasSize(3);
    }

    private static String idOf(String name) {
        return asLegal().get("/api/v1/draft")
                .path("sections.subprocessors.flatten().find { it.name == '" + name + "' }.id");
    }
}
