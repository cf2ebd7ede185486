package io.subregistry.registry.version;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.subregistry.support.RegistryTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class PublicListTest extends RegistryTest {

    @Test
    void theSampleListIsTheExamplePageWithGongIoNew() {
        Response list = given().accept("application/json").get("/api/v1/subprocessors");

        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.<Integer>path("version")).isEqualTo(2);
        assertThat(list.<String>path("lastUpdated")).isEqualTo("2026-02-02");
        assertThat(list.<List<String>>path("sections.key")).containsExactly("product", "sales", "support");
        assertThat(list.<List<String>>path("sections.title")).containsExactly("Product-related sub-processors",
                "Sales activities related sub-processors", "Customer Support related sub-processors");
        assertThat(list.<String>path("sections[0].note")).isEqualTo("Some processors handle only practitioner data, not patient data.");
        assertThat(list.<String>path("sections[1].note")).isEqualTo("These processors do not handle patient or health data.");
        assertThat(list.<String>path("sections[2].note")).isNull();
        assertThat(list.<List<Object>>path("sections.subprocessors.flatten()")).hasSize(17);
        assertThat(list.<List<String>>path("sections[1].subprocessors.name"))
                .containsExactly("ActiveCampaign", "Gong.io", "HubSpot", "Webflow", "Zapier");
        assertThat(list.<List<String>>path("sections.subprocessors.flatten().findAll { it.new }.name")).containsExactly("Gong.io");

        Map<String, Object> aws = list.path("sections[0].subprocessors[0]");
        assertThat(aws).containsEntry("name", "AWS (PaaS)")
                .containsEntry("legalAddress", "38 Avenue John F. Kennedy, L-1855, Luxembourg")
                .containsEntry("location", "Customer location")
                .containsEntry("processingActivity", "Full user and patient data including personal identifiers, health data, messages, logs, and backups")
                .containsKey("id");
    }

    @Test
    void atADateGivesTheListInForceThen() {
        Response before = given().get("/api/v1/subprocessors?at=2026-02-01");
        assertThat(before.<Integer>path("version")).isEqualTo(1);
        assertThat(before.<List<String>>path("sections.subprocessors.flatten().name")).hasSize(16).doesNotContain("Gong.io");
        assertThat(before.<List<Boolean>>path("sections.subprocessors.flatten().new")).containsOnly(false);

        assertThat(given().get("/api/v1/subprocessors?at=2026-02-02").<Integer>path("version")).isEqualTo(2);
        assertThat(given().get("/api/v1/subprocessors?at=2026-02-01T23:59:59Z").<Integer>path("version")).isEqualTo(1);
        assertThat(given().get("/api/v1/subprocessors?at=2020-01-01").<Object>path("version")).isNull();
    }

    @Test
    void aBadDateIsAProblemNotAnError() {
        given().get("/api/v1/subprocessors?at=yesterday")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", Matchers.containsString("'yesterday'"));
    }

    @Test
    void csvHasOneRowPerSubprocessor() {
        Response csv = given().accept("text/csv").get("/api/v1/subprocessors");

        assertThat(csv.contentType()).startsWith("text/csv");
        List<String> lines = csv.asString().lines().toList();
        assertThat(lines).hasSize(18);
        assertThat(lines.get(0)).isEqualTo("section,sectionTitle,id,name,legalAddress,location,processingActivity,"
                + "website,dataCategories,transferMechanism,dpaUrl,new");
        assertThat(lines).filteredOn(line -> line.contains(",Gong.io,")).singleElement().asString().endsWith(",true");
    }

    @Test
    void etagsLetClientsSkipUnchangedLists() {
        Response first = given().accept("application/json").get("/api/v1/subprocessors");
        String etag = first.header("ETag");
        assertThat(etag).isNotBlank();

        given().accept("application/json").header("If-None-Match", etag).get("/api/v1/subprocessors")
                .then().statusCode(304);
        given().accept("text/csv").header("If-None-Match", etag).get("/api/v1/subprocessors")
                .then().statusCode(200);
        given().accept("application/json").header("If-None-Match", "\"something-else\"").get("/api/v1/subprocessors")
                .then().statusCode(200);
    }

    @Test
    void anyAcceptGetsJson() {
        given().accept("*/*").get("/api/v1/subprocessors").then().statusCode(200).contentType("application/json");
    }

    @Test
    void anEmptyRegistryAnswersWithAnEmptyList() {
        database.empty();

        Response list = given().get("/api/v1/subprocessors");

        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.<Object>path("version")).isNull();
        assertThat(list.<List<Object>>path("sections")).isEmpty();
    }
}
