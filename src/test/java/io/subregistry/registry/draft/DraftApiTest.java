package io.subregistry.registry.draft;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.subregistry.support.Api;
import io.subregistry.support.Entries;
import io.subregistry.support.RegistryTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.subregistry.support.Staff.asLegal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class DraftApiTest extends RegistryTest {

    @Test
    void theDraftStartsEqualToTheLatestVersion() {
        Response draft = asLegal().get("/api/v1/draft");

        assertThat(draft.statusCode()).isEqualTo(200);
        assertThat(draft.header("ETag")).matches("\"d\\d+\"");
        assertThat(draft.<List<Object>>path("sections.subprocessors.flatten()")).hasSize(17);
        asLegal().get("/api/v1/draft/diff").then().statusCode(200).body("changes", Matchers.empty())
                .body("from", equalTo(2));
    }

    @Test
    void addingASubprocessorAnswers201WithItsIdAndLocation() {
        Response created = asLegal().contentType(ContentType.JSON)
                .body(Entries.named("Postmark").with("website", "https://postmarkapp.com").body())
                .post("/api/v1/draft/subprocessors");

        assertThat(created.statusCode()).isEqualTo(201);
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith("/api/v1/draft/subprocessors/" + id);
        assertThat(created.header("ETag")).isEqualTo("\"e0\"");
        asLegal().get("/api/v1/draft/subprocessors/" + id).then().statusCode(200)
                .body("name", equalTo("Postmark")).body("section", equalTo("product"))
                .body("website", equalTo("https://postmarkapp.com"));
        asLegal().get("/api/v1/draft/diff").then().body("changes.type", hasItem("ADDED"))
                .body("changes.name", hasItem("Postmark"));
    }

    @Test
    void anEditWithAStaleIfMatchIsRefusedAndChangesNothing() {
        String id = Api.addToDraft(Entries.named("Postmark"));
        asLegal().contentType(ContentType.JSON).header("If-Match", "\"e0\"")
                .body(Entries.named("Postmark").with("location", "USA").body())
                .put("/api/v1/draft/subprocessors/" + id).then().statusCode(200).header("ETag", "\"e1\"");

        Response stale = asLegal().contentType(ContentType.JSON).header("If-Match", "\"e0\"")
                .body(Entries.named("Postmark").with("location", "Japan").body())
                .put("/api/v1/draft/subprocessors/" + id);

        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(stale.contentType()).startsWith("application/problem+json");
        assertThat(stale.<String>path("detail")).contains("out of date");
        asLegal().get("/api/v1/draft/subprocessors/" + id).then().body("location", equalTo("USA"));
        asLegal().header("If-Match", "\"e0\"").delete("/api/v1/draft/subprocessors/" + id).then().statusCode(412);
    }

    @Test
    void editsThatNameNoRevisionAreRefusedWith428AndGarbledOnesWith412() {
        String id = Api.addToDraft(Entries.named("Postmark"));
        String draftBefore = asLegal().get("/api/v1/draft").header("ETag");
        Map<String, Object> entry = Entries.named("Postmark").with("location", "Japan").body();
        Map<String, Object> section = Map.of("title", "Renamed");

        for (String ifMatch : new String[]{null, " ", "*", "\"e0\", *"}) {
            List<Response> refused = List.of(
                    withIfMatch(ifMatch).contentType(ContentType.JSON).body(entry).put("/api/v1/draft/subprocessors/" + id),
                    withIfMatch(ifMatch).delete("/api/v1/draft/subprocessors/" + id),
                    withIfMatch(ifMatch).contentType(ContentType.JSON).body(section).put("/api/v1/draft/sections/sales"),
                    withIfMatch(ifMatch).delete("/api/v1/draft/sections/support"));
            assertThat(refused).as("If-Match: " + ifMatch).allSatisfy(response -> {
                assertThat(response.statusCode()).isEqualTo(428);
                assertThat(response.contentType()).startsWith("application/problem+json");
                assertThat(response.<String>path("detail")).contains("If-Match");
            });
        }
        for (String ifMatch : new String[]{"garbage", "\"e\"", "e0", "\"x0\""}) {
            List<Response> refused = List.of(
                    withIfMatch(ifMatch).contentType(ContentType.JSON).body(entry).put("/api/v1/draft/subprocessors/" + id),
                    withIfMatch(ifMatch).delete("/api/v1/draft/subprocessors/" + id),
                    withIfMatch(ifMatch).contentType(ContentType.JSON).body(section).put("/api/v1/draft/sections/sales"));
            assertThat(refused).as("If-Match: " + ifMatch).allSatisfy(response -> {
                assertThat(response.statusCode()).isEqualTo(412);
                assertThat(response.<String>path("detail")).contains("not an ETag");
            });
        }
        assertThat(asLegal().get("/api/v1/draft").header("ETag")).isEqualTo(draftBefore);
        asLegal().get("/api/v1/draft/subprocessors/" + id).then().body("location", equalTo("EU"));
    }

    private static RequestSpecification withIfMatch(String ifMatch) {
        return ifMatch == null ? asLegal() : asLegal().header("If-Match", ifMatch);
    }

    @Test
    void theDraftEtagIsAcceptedForAnEntryWhileNothingChanged() {
        String id = Api.addToDraft(Entries.named("Postmark"));
        String draftTag = asLegal().get("/api/v1/draft").header("ETag");

        asLegal().header("If-Match", draftTag).delete("/api/v1/draft/subprocessors/" + id).then().statusCode(204);
        asLegal().get("/api/v1/draft/subprocessors/" + id).then().statusCode(404);
        // the delete bumped the draft: the old tag is now stale for everything
        String other = Api.addToDraft(Entries.named("Mailgun"));
        asLegal().header("If-Match", draftTag).delete("/api/v1/draft/subprocessors/" + other).then().statusCode(412);
    }

    @Test
    void movingToAnotherSectionIsAnUpdateOfTheSection() {
        String hubspot = idOf("HubSpot");

        asLegal().header("If-Match", Api.entryTag(hubspot)).contentType(ContentType.JSON)
                .body(Entries.named("HubSpot").in("support")
                        .with("legalAddress", "One Sir John Rogerson's Quay, Dublin 2, Ireland")
                        .with("location", "USA/EU")
                        .with("processingActivity", "Organisation and contact details (name, email, phone number, usage metadata) for email campaigns")
                        .body())
                .put("/api/v1/draft/subprocessors/" + hubspot).then().statusCode(200).body("section", equalTo("support"));

        Response diff = asLegal().get("/api/v1/draft/diff");
        assertThat(diff.<List<String>>path("changes.type")).containsExactly("MOVED");
        assertThat(diff.<String>path("changes[0].fromSection")).isEqualTo("sales");
        assertThat(diff.<String>path("changes[0].section")).isEqualTo("support");
    }

    @Test
    void unknownSectionIs422AndNamesTheKnownOnes() {
        asLegal().contentType(ContentType.JSON).body(Entries.named("Postmark").in("marketing").body())
                .post("/api/v1/draft/subprocessors")
                .then().statusCode(422).contentType("application/problem+json")
                .body("detail", containsString("unknown section 'marketing'"))
                .body("detail", containsString("product"));
    }

    @Test
    void aNameTakenInTheSectionIs409() {
        asLegal().contentType(ContentType.JSON).body(Entries.named("aws (paas)").body())
                .post("/api/v1/draft/subprocessors")
                .then().statusCode(409).body("detail", containsString("AWS (PaaS)"));
    }

    @Test
    void missingAndOverlongFieldsAre422WithEachField() {
        Response refused = asLegal().contentType(ContentType.JSON)
                .body(Entries.named("x".repeat(201)).without("location").with("website", "javascript:alert(1)").body())
                .post("/api/v1/draft/subprocessors");

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.<List<String>>path("errors.field")).contains("name", "location", "website");
        assertThat(refused.<String>path("detail")).contains("name").contains("location");
        assertNothingChanged();
    }

    @Test
    void headerBreakingCharactersAreRefused() {
        asLegal().contentType(ContentType.JSON).body(Entries.named("Evil\r\nBcc: everyone@example.com").body())
                .post("/api/v1/draft/subprocessors")
                .then().statusCode(422).body("errors.field", hasItem("name"));
        assertNothingChanged();
    }

    @Test
    void malformedJsonWrongTypesAndUnknownFieldsAre400() {
        asLegal().contentType(ContentType.JSON).body("{\"name\": \"Postmark\",")
                .post("/api/v1/draft/subprocessors")
                .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("malformed JSON"));
        asLegal().contentType(ContentType.JSON).body(Map.of("name", List.of("a", "b")))
                .post("/api/v1/draft/subprocessors")
                .then().statusCode(400).body("detail", containsString("name"));
        asLegal().contentType(ContentType.JSON).body(Entries.named("Postmark").with("nmae", "typo").body())
                .post("/api/v1/draft/subprocessors")
                .then().statusCode(400).body("detail", containsString("unknown field 'nmae'"));
        asLegal().contentType(ContentType.JSON).body("")
                .post("/api/v1/draft/subprocessors").then().statusCode(422);
        asLegal().contentType(ContentType.TEXT).body("hello")
                .post("/api/v1/draft/subprocessors").then().statusCode(415).contentType("application/problem+json");
        assertNothingChanged();
    }

    @Test
    void unknownIdsAre404AndMalformedIdsAre400() {
        asLegal().get("/api/v1/draft/subprocessors/00000000-0000-0000-0000-000000000000").then().statusCode(404)
                .contentType("application/problem+json");
        asLegal().get("/api/v1/draft/subprocessors/not-a-uuid").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("id"));
        asLegal().header("If-Match", "\"e0\"").contentType(ContentType.JSON).body(Entries.named("X").body())
                .put("/api/v1/draft/subprocessors/00000000-0000-0000-0000-000000000000").then().statusCode(404);
    }

    @Test
    void sectionsCanBeCreatedEditedReorderedAndDeletedWhenEmpty() {
        asLegal().contentType(ContentType.JSON)
                .body(Map.of("key", "hr", "title", "HR related sub-processors", "note", "Employee data only.", "position", 1))
                .post("/api/v1/draft/sections")
                .then().statusCode(201).header("Location", Matchers.endsWith("/api/v1/draft/sections/hr"))
                .body("position", equalTo(1));
        assertThat(asLegal().get("/api/v1/draft").<List<String>>path("sections.key")).containsExactly("hr", "product", "sales", "support");

        asLegal().contentType(ContentType.JSON).header("If-Match", "\"s0\"")
                .body(Map.of("title", "Human resources", "position", 4))
                .put("/api/v1/draft/sections/hr").then().statusCode(200).body("title", equalTo("Human resources"));
        assertThat(asLegal().get("/api/v1/draft").<List<String>>path("sections.key")).containsExactly("product", "sales", "support", "hr");

        asLegal().contentType(ContentType.JSON).body(Map.of("key", "hr", "title", "Again"))
                .post("/api/v1/draft/sections").then().statusCode(409);
        asLegal().header("If-Match", Api.sectionTag("sales")).delete("/api/v1/draft/sections/sales").then().statusCode(409).body("detail", containsString("still lists 5"));
        asLegal().header("If-Match", "\"s0\"").delete("/api/v1/draft/sections/hr").then().statusCode(412);
        asLegal().header("If-Match", Api.sectionTag("hr")).delete("/api/v1/draft/sections/hr").then().statusCode(204);
        asLegal().contentType(ContentType.JSON).body(Map.of("key", "Not A Key", "title", "x"))
                .post("/api/v1/draft/sections").then().statusCode(422).body("errors.field", hasItem("key"));
    }

    @Test
    void everyEditIsInTheAuditLog() {
        String id = Api.addToDraft(Entries.named("Postmark"));
        asLegal().header("If-Match", Api.entryTag(id)).contentType(ContentType.JSON).body(Entries.named("Postmark").with("location", "USA").body())
                .put("/api/v1/draft/subprocessors/" + id).then().statusCode(200);
        asLegal().header("If-Match", Api.entryTag(id)).delete("/api/v1/draft/subprocessors/" + id).then().statusCode(204);

        Response log = asLegal().get("/api/v1/audit-log?actor=lena.legal");
        assertThat(log.<List<String>>path("events.action"))
                .containsExactly("SUBPROCESSOR_DELETED", "SUBPROCESSOR_UPDATED", "SUBPROCESSOR_CREATED");
        assertThat(log.<String>path("events[1].details.changes[0].field")).isEqualTo("location");
        assertThat(log.<String>path("events[1].details.changes[0].before")).isEqualTo("EU");
        assertThat(log.<String>path("events[1].details.changes[0].after")).isEqualTo("USA");
    }

    private void assertNothingChanged() {
        assertThat(asLegal().get("/api/v1/draft").<String>header("ETag")).isEqualTo(
                asLegal().get("/api/v1/draft").header("ETag"));
        assertThat(asLegal().get("/api/v1/draft/diff").<List<Object>>path("changes")).isEmpty();
    }

    private static String idOf(String name) {
        return asLegal().get("/api/v1/draft")
                .path("sections.subprocessors.flatten().find { it.name == '" + name + "' }.id");
    }
}
