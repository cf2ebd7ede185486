package io.subregistry.customer;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.subregistry.support.Api;
import io.subregistry.support.Entries;
import io.subregistry.support.Mailbox;
import io.subregistry.support.RegistryTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.subregistry.support.Staff.asAuditor;
import static io.subregistry.support.Staff.asLegal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** The customers API: writing with If-Match, listing, archiving and importing CSV. */
@QuarkusTest
class CustomerApiTest extends RegistryTest {

    private static final String CSV = """
            name,reference,noticePeriodDays,objectionWindowDays,sections,contacts
            Hospital Group,CRM-1,90,14,product;support,Dana DPO <dpo@hospital.example.test>;legal@hospital.example.test
            "Shop, Ltd",CRM-2,,,,privacy@shop.example.test
            """;

    @Test
    void createReadUpdateWithIfMatchAndArchive() {
        Response created = asLegal().contentType(ContentType.JSON)
                .body(Map.of("name", "Hospital Group", "reference", "CRM-1", "noticePeriodDays", 90, "sections", List.of("support"),
                        "contacts", List.of(Map.of("email", "dpo@hospital.example.test", "name", "Dana", "language", "de"))))
                .post("/api/v1/customers");
        assertThat(created.statusCode()).isEqualTo(201);
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith("/api/v1/customers/" + id);
        assertThat(created.<List<String>>path("contacts.status")).containsExactly("LIVE");
        assertThat(created.<Integer>path("liveContacts")).isEqualTo(1);
        assertThat(created.<Boolean>path("atRisk")).isFalse();

        Response read = asAuditor().get("/api/v1/customers/" + id);
        String etag = read.header("ETag");
        assertThat(etag).isNotBlank();
        Map<String, Object> changed = Map.of("name", "Hospital Group", "reference", "CRM-1", "noticePeriodDays", 120,
                "contacts", List.of(Map.of("email", "new@hospital.example.test")));
        asLegal().contentType(ContentType.JSON).body(changed).put("/api/v1/customers/" + id).then().statusCode(428)
                .contentType(containsString("problem+json"));
        asLegal().contentType(ContentType.JSON).header("If-Match", "\"customer-999\"").body(changed)
                .put("/api/v1/customers/" + id).then().statusCode(412);
        Response updated = asLegal().contentType(ContentType.JSON).header("If-Match", etag).body(changed)
                .put("/api/v1/customers/" + id);
        assertThat(updated.statusCode()).isEqualTo(200);
        assertThat(updated.<Integer>path("noticePeriodDays")).isEqualTo(120);
        assertThat(updated.<List<String>>path("sections")).isEmpty();
        assertThat(updated.<List<String>>path("contacts.email")).containsExactly("new@hospital.example.test");
        assertThat(updated.header("ETag")).isNotEqualTo(etag);
        asLegal().contentType(ContentType.JSON).header("If-Match", etag).body(changed)
                .put("/api/v1/customers/" + id).then().statusCode(412);

        // auditors read, they do not write; bad input is a problem, not a 500
        asAuditor().contentType(ContentType.JSON).body(changed).post("/api/v1/customers").then().statusCode(403);
        asLegal().contentType(ContentType.JSON).body(Map.of("name", " ", "noticePeriodDays", -1,
                        "contacts", List.of(Map.of("email", "not-an-address"))))
                .post("/api/v1/customers").then().statusCode(422).contentType(containsString("problem+json"));
        asLegal().contentType(ContentType.JSON).body(Map.of("name", "Twin", "reference", "CRM-1"))
                .post("/api/v1/customers").then().statusCode(409).body("detail", containsString("CRM-1"));
        asAuditor().get("/api/v1/customers/not-a-uuid").then().statusCode(400);

        // archived: no longer listed by default, no longer binding
        asLegal().post("/api/v1/customers/" + id + "/archive").then().statusCode(200).body("archived", equalTo(true));
        asAuditor().get("/api/v1/customers").then().body("total", equalTo(0));
        asAuditor().queryParam("archived", true).get("/api/v1/customers").then().body("customers[0].id", equalTo(id));
        Api.addToDraft(Entries.named("Postmark").in("support"));
        asLegal().get("/api/v1/draft/earliest-effective-date").then().statusCode(200)
                .body("noticePeriodDays", equalTo(30)).body("bindingCustomers.size()", equalTo(0));
    }

    @Test
    void listsAreSearchedFilteredAndPaged() {
        Customers.add("Alpha AG", 30, "a@alpha.example.test");
        Customers.add("Beta GmbH", 60, "b@beta.example.test");
        Customers.add("Gamma Inc", 90);
        Response page = asAuditor().queryParam("size", 2).get("/api/v1/customers");
        assertThat(page.<Integer>path("total")).isEqualTo(3);
        assertThat(page.<List<String>>path("customers.name")).containsExactly("Alpha AG", "Beta GmbH");
        assertThat(asAuditor().queryParam("size", 2).queryParam("page", 1).get("/api/v1/customers")
                .<List<String>>path("customers.name")).containsExactly("Gamma Inc");
        assertThat(asAuditor().queryParam("q", "beta.example").get("/api/v1/customers")
                .<List<String>>path("customers.name")).containsExactly("Beta GmbH");
        assertThat(asAuditor().queryParam("status", "AT_RISK").get("/api/v1/customers")
                .<List<String>>path("customers.name")).containsExactly("Gamma Inc");
        assertThat(asAuditor().queryParam("status", "OK").get("/api/v1/customers")
                .<List<String>>path("customers.name")).containsExactly("Alpha AG", "Beta GmbH");
        asAuditor().queryParam("status", "nonsense").get("/api/v1/customers").then().statusCode(400);
        asAuditor().queryParam("size", 100000).get("/api/v1/customers").then().statusCode(422);
    }

    @Test
    void csvImportIsAllOrNothingAndIdempotentByReference() {
        Response imported = asLegal().contentType("text/csv").body(CSV).post("/api/v1/customers/import");
        assertThat(imported.statusCode()).isEqualTo(200);
        assertThat(imported.<Integer>path("created")).isEqualTo(2);
        Response hospital = asAuditor().queryParam("q", "Hospital").get("/api/v1/customers");
        assertThat(hospital.<Integer>path("customers[0].noticePeriodDays")).isEqualTo(90);
        assertThat(hospital.<Integer>path("customers[0].objectionWindowDays")).isEqualTo(14);
        assertThat(hospital.<List<String>>path("customers[0].sections")).containsExactly("product", "support");
        assertThat(hospital.<List<String>>path("customers[0].contacts.name")).contains("Dana DPO");
        assertThat(asAuditor().queryParam("q", "Shop").get("/api/v1/customers").<Integer>path("customers[0].noticePeriodDays"))
                .as("the registry's notice period by default").isEqualTo(30);
        Mailbox.awaitAll(3);

        // again: nothing changes, nobody is mailed again
        asLegal().contentType("text/csv").body(CSV).post("/api/v1/customers/import").then().statusCode(200)
                .body("created", equalTo(0)).body("updated", equalTo(0)).body("unchanged", equalTo(2));
        Mailbox.awaitSettled();
        assertThat(Mailbox.distinct(Mailbox.all())).hasSize(3);

        // one bad line refuses the whole file, naming the line
        String bad = CSV + "New Customer,CRM-3,30,,,new@example.test\nBroken,CRM-4,ninety,,,x@example.test\n";
        asLegal().contentType("text/csv").body(bad).post("/api/v1/customers/import").then().statusCode(400)
                .body("detail", startsWith("nothing was imported")).body("detail", containsString("line 5"))
                .body("errors[0].line", equalTo(5));
        asAuditor().get("/api/v1/customers").then().body("total", equalTo(2));
        asLegal().contentType("text/csv").body(CSV + "No Reference,,30,,,n@example.test\n")
                .post("/api/v1/customers/import").then().statusCode(400).body("detail", containsString("reference"));
        asLegal().contentType("text/csv").body("name,foo\nx,y\n").post("/api/v1/customers/import").then().statusCode(400)
                .body("detail", containsString("line 1"));
        asLegal().contentType("text/csv").body(CSV.replace("Shop, Ltd\",CRM-2,,", "Shop, Ltd\",CRM-2,45,"))
                .post("/api/v1/customers/import").then().statusCode(200).body("updated", equalTo(1));
    }

    @Test
    void obligationsReportAsJsonAndCsv() {
        Customers.add("Alpha AG", 30, "a@alpha.example.test", "b@alpha.example.test");
        Api.addToDraft(Entries.named("Postmark").in("support"));
        int version = Api.publishWithNotice("Adds Postmark");
        Response report = asAuditor().get("/api/v1/versions/" + version + "/obligations");
        assertThat(report.<Integer>path("version")).isEqualTo(version);
        assertThat(report.<List<String>>path("obligations[0].contacts.email"))
                .containsExactlyInAnyOrder("a@alpha.example.test", "b@alpha.example.test");
        String byAccept = asAuditor().accept("text/csv").get("/api/v1/versions/" + version + "/obligations").asString();
        String byFormat = asAuditor().queryParam("format", "csv").get("/api/v1/versions/" + version + "/obligations").asString();
        assertThat(byAccept).isEqualTo(byFormat);
        assertThat(byAccept.lines().toList()).hasSize(3).first().asString().startsWith("version,customerId,customer");
        asAuditor().get("/api/v1/versions/99/obligations").then().statusCode(404);
    }
}
