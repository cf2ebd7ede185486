package io.subregistry.web.console;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.subregistry.support.RegistryTest;
import io.subregistry.support.Staff;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static io.subregistry.support.Staff.asLegal;
import static org.assertj.core.api.Assertions.assertThat;

/** The console's webhook pages, through a signed-in browser session. */
@QuarkusTest
class ConsoleWebhooksTest extends RegistryTest {

    @Test
    void legalStaffRegisterAnEndpointSeeTheSecretOnceAndItsFailuresAppear() {
        ConsoleSession legal = ConsoleSession.signedIn(Staff.LEGAL, Staff.PASSWORD);
        legal.get("/console/webhooks");
        Response registered = legal.form().formParam("url", "http://127.0.0.1:9/hook")
                .formParam("events", "version.published").formParam("description", "Acme <privacy> tool")
                .post("/console/webhooks");
        assertThat(registered.statusCode()).isEqualTo(201);
        String page = registered.asString();
        assertThat(page).contains("whsec_").contains("shown only now").contains("Acme &lt;privacy&gt; tool");
        String id = page.replaceAll("(?s).*?/console/webhooks/([0-9a-f-]{36})/.*", "$1");

        assertThat(legal.get("/console/webhooks/" + id).asString()).doesNotContain("whsec_").contains("http://127.0.0.1:9/hook");

        // Nothing listens on port 9 here: three failed pings disable the endpoint (max-failures is 3 in tests).
        for (int i = 0; i < 3; i++) {
            assertThat(legal.form().post("/console/webhooks/" + id + "/test").asString()).contains("was not accepted");
        }
        assertThat(legal.get("/console/webhooks").asString()).contains("1 endpoint(s) disabled");
        assertThat(legal.get("/console/webhooks/" + id).asString()).contains("Disabled").contains("no answer");

        Response refused = legal.form().formParam("url", "ftp://hooks.example.com/").formParam("events", "version.published")
                .post("/console/webhooks");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.asString()).contains("cannot receive webhooks");
    }

    @Test
    void auditorsReadButCannotChangeAndFormsNeedTheirCsrfToken() {
        ConsoleSession auditor = ConsoleSession.signedIn(Staff.AUDITOR, Staff.PASSWORD);
        assertThat(auditor.get("/console/webhooks").asString()).contains("No endpoint is registered yet")
                .doesNotContain("Register an endpoint");
        assertThat(auditor.form().formParam("url", "https://hooks.example.com/").formParam("events", "version.published")
                .post("/console/webhooks").header("Location")).endsWith("/console/forbidden");

        ConsoleSession legal = ConsoleSession.signedIn(Staff.LEGAL, Staff.PASSWORD);
        legal.get("/console/webhooks");
        assertThat(legal.forgedForm().formParam("url", "http://127.0.0.1:9/").formParam("events", "version.published")
                .post("/console/webhooks").statusCode()).isEqualTo(403);
        asLegal().get("/api/v1/webhooks").then().statusCode(200).body("$", org.hamcrest.Matchers.empty());
        assertThat(given().redirects().follow(false).get("/console/webhooks").statusCode()).isIn(302, 303);
    }
}
