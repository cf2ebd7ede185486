package io.subregistry.importer;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.subregistry.support.RegistryTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static io.restassured.RestAssured.given;
import static io.subregistry.support.Staff.asLegal;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class ImportApiTest extends RegistryTest {

    @Test
    void reimportingThePublishedPageChangesNothingAndKeepsIds() {
        String before = asLegal().get("/api/v1/draft").asString();

        Response result = asLegal().contentType("text/plain; charset=UTF-8").body(samplePage())
                .post("/api/v1/draft/import");

        assertThat(result.statusCode()).isEqualTo(200);
        assertThat(result.<Integer>path("unchanged")).isEqualTo(17);
        assertThat(result.<Integer>path("added")).isZero();
        assertThat(result.<Integer>path("removed")).isZero();
        assertThat(asLegal().get("/api/v1/draft").<List<String>>path("sections.subprocessors.flatten().id"))
                .isEqualTo(JsonPath.from(before).getList("sections.subprocessors.flatten().id"));
        assertThat(asLegal().get("/api/v1/draft/diff").<List<Object>>path("changes")).isEmpty();
    }

    @Test
    void aPageIntoAnEmptyRegistryMakesSectionsFromTitles() {
        database.empty();

        Response result = asLegal().contentType("text/plain").body(samplePage()).post("/api/v1/draft/import");

        assertThat(result.statusCode()).isEqualTo(200);
        assertThat(result.<Integer>path("sectionsCreated")).isEqualTo(3);
        assertThat(result.<Integer>path("added")).isEqualTo(17);
        assertThat(asLegal().get("/api/v1/draft").<List<String>>path("sections.key"))
                .containsExactly("product", "sales-activities", "customer-support");
    }

    @Test
    void theCsvExportLoadsBackUnchanged() {
        String csv = given().accept("text/csv").get("/api/v1/subprocessors").asString();

        Response result = asLegal().contentType("text/csv; charset=UTF-8").body(csv).post("/api/v1/draft/import");

        assertThat(result.statusCode()).isEqualTo(200);
        assertThat(result.<Integer>path("unchanged")).isEqualTo(17);
        assertThat(asLegal().get("/api/v1/draft/diff").<List<Object>>path("changes")).isEmpty();
    }

    @Test
    void csvWithEditsAndANewSectionIsApplied() {
        String csv = """
                section,name,legalAddress,location,processingActivity,sectionTitle,website
                product,AWS (PaaS),"38 Avenue John F. Kennedy, L-1855, Luxembourg",EU,"Hosting, backups",,
                hr,Personio,"Seidlstraße 3, 80335 Munich, Germany",EU,Employee records,HR sub-processors,https://personio.com
                """;

        Response result = asLegal().contentType("text/csv; charset=UTF-8").body(csv).post("/api/v1/draft/import?mode=merge");

        assertThat(result.statusCode()).isEqualTo(200);
        assertThat(result.<Integer>path("sectionsCreated")).isEqualTo(1);
        assertThat(result.<Integer>path("added")).isEqualTo(1);
        assertThat(result.<Integer>path("updated")).isEqualTo(1);
        assertThat(result.<Integer>path("removed")).isZero();
        Response diff = asLegal().get("/api/v1/draft/diff");
        assertThat(diff.<List<String>>path("changes.type")).containsExactly("SECTION_ADDED", "ADDED", "MODIFIED");
    }

    @Test
    void replaceModeRemovesWhatTheFileOmits() {
        String csv = """
                section,name,legalAddress,location,processingActivity
                product,AWS (PaaS),"38 Avenue John F. Kennedy, L-1855, Luxembourg",Customer location,"Full user and patient data including personal identifiers, health data, messages, logs, and backups"
                """;

        Response result = asLegal().contentType("text/csv; charset=UTF-8").body(csv).post("/api/v1/draft/import");

        assertThat(result.<Integer>path("removed")).isEqualTo(16);
        assertThat(result.<Integer>path("unchanged")).isEqualTo(1);
        assertThat(asLegal().get("/api/v1/draft").<List<String>>path("sections.key"))
                .as("a CSV names no sections, so none is removed").containsExactly("product", "sales", "support");
    }

    @Test
    void jsonInTheShapeOfAVersionLoads() {
        String version1 = given().get("/api/v1/versions/1").asString();

        Response result = asLegal().contentType("application/json").body(version1).post("/api/v1/draft/import");

        assertThat(result.statusCode()).isEqualTo(200);
        assertThat(result.<Integer>path("removed")).isEqualTo(1);
        assertThat(asLegal().get("/api/v1/draft/diff").<List<String>>path("changes.name")).containsExactly("Gong.io");
    }

    @Test
    void aBadCsvNamesTheLinesAndImportsNothing() {
        String draftBefore = asLegal().get("/api/v1/draft").header("ETag");
        String csv = """
                section,name,legalAddress,location,processingActivity
                product,Good Corp,"1 Road, Town",EU,Analytics
                product,,"2 Road, Town",EU,Analytics
                marketing,Nowhere Inc,"3 Road, Town",EU,Analytics
                product,Bad Link,"4 Road, Town",EU
                """;

        Response refused = asLegal().contentType("text/csv; charset=UTF-8").body(csv).post("/api/v1/draft/import");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.<String>path("detail")).startsWith("the CSV file was not imported: line 3, name");
        assertThat(refused.<List<Integer>>path("errors.line")).contains(3, 5);
        assertThat(asLegal().get("/api/v1/draft").header("ETag")).isEqualTo(draftBefore);
    }

    @Test
    void anUnknownSectionInACsvIsReportedWithItsLine() {
        String csv = """
                section,name,legalAddress,location,processingActivity
                marketing,Nowhere Inc,"3 Road, Town",EU,Analytics
                """;

        Response refused = asLegal().contentType("text/csv; charset=UTF-8").body(csv).post("/api/v1/draft/import");

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.<String>path("detail")).contains("unknown section(s) [marketing]");
        assertThat(refused.<List<Integer>>path("errors.line")).containsExactly(2);
        assertThat(asLegal().get("/api/v1/draft/diff").<List<Object>>path("changes")).isEmpty();
    }

    @Test
    void badJsonAndBadPagesNameWhatIsWrong() {
        asLegal().contentType("application/json").body("{\"sections\": [{\"key\": \"product\", \"title\": \"P\","
                        + " \"subprocessors\": [{\"name\": \"X\", \"legalAddress\": 5}]}]}")
                .post("/api/v1/draft/import").then().statusCode(400)
                .body("errors.field", Matchers.hasItems("sections[0].subprocessors[0].legalAddress",
                        "sections[0].subprocessors[0].location"));
        asLegal().contentType("application/json").body("[1,2").post("/api/v1/draft/import").then().statusCode(400)
                .body("detail", Matchers.containsString("malformed JSON"));
        asLegal().contentType("text/plain").body("Just some text\nwith no table").post("/api/v1/draft/import")
                .then().statusCode(400).body("detail", Matchers.containsString("no table"));
        asLegal().contentType("text/plain").body(samplePage().replace("LocationEU\nProcessing ActivityPractitioner", "Processing ActivityPractitioner"))
                .post("/api/v1/draft/import").then().statusCode(400)
                .body("detail", Matchers.containsString("'Chargebee' has no Location"));
        asLegal().contentType("text/csv; charset=UTF-8").body("a,b\n").post("/api/v1/draft/import?mode=sideways").then().statusCode(400);
        assertThat(asLegal().get("/api/v1/draft/diff").<List<Object>>path("changes")).isEmpty();
    }

    private static String samplePage() {
        try (InputStream in = ImportApiTest.class.getClassLoader().getResourceAsStream("sample/subprocessors-page.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
