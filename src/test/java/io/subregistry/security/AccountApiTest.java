package io.subregistry.security;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.subregistry.support.RegistryTest;
import io.subregistry.support.Staff;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static io.subregistry.support.Staff.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class AccountApiTest extends RegistryTest {

    private static final String PASSWORD = "a long enough password";

    @Test
    void anAdminCreatesAnAccountThatCanSignInUntilDisabled() {
        String username = "new.legal." + System.nanoTime() % 100000;
        asAdmin().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", PASSWORD, "roles", List.of("legal")))
                .post("/api/v1/admin/users")
                .then().statusCode(201).header("Location", Matchers.endsWith("/api/v1/admin/users/" + username))
                .body("roles", equalTo(List.of("legal"))).body("$", Matchers.not(Matchers.hasKey("passwordHash")));

        given().auth().preemptive().basic(username, PASSWORD).get("/api/v1/me")
                .then().statusCode(200).body("username", equalTo(username)).body("roles", equalTo(List.of("legal")));
        given().auth().preemptive().basic(username, PASSWORD).get("/api/v1/draft").then().statusCode(200);

        asAdmin().post("/api/v1/admin/users/" + username + "/disable").then().statusCode(200).body("disabled", equalTo(true));
        given().auth().preemptive().basic(username, PASSWORD).get("/api/v1/draft").then().statusCode(401);

        asAdmin().post("/api/v1/admin/users/" + username + "/enable").then().statusCode(200);
        asAdmin().contentType(ContentType.JSON).body(Map.of("password", "another long password"))
                .put("/api/v1/admin/users/" + username + "/password").then().statusCode(200);
        given().auth().preemptive().basic(username, PASSWORD).get("/api/v1/draft").then().statusCode(401);
        given().auth().preemptive().basic(username, "another long password").get("/api/v1/draft").then().statusCode(200);

        asAdmin().contentType(ContentType.JSON).body(Map.of("roles", List.of("auditor")))
                .put("/api/v1/admin/users/" + username + "/roles").then().statusCode(200);
        given().auth().preemptive().basic(username, "another long password").get("/api/v1/draft").then().statusCode(403);

        assertThat(asAdmin().get("/api/v1/audit-log?actor=" + Staff.ADMIN).<List<String>>path("events.action"))
                .contains("ACCOUNT_CREATED", "ACCOUNT_DISABLED", "ACCOUNT_ENABLED", "ACCOUNT_PASSWORD_CHANGED",
                        "ACCOUNT_ROLES_CHANGED");
    }

    @Test
    void weakOrMalformedAccountsAreRefused() {
        asAdmin().contentType(ContentType.JSON).body(Map.of("username", "shorty", "password", "short", "roles", List.of("legal")))
                .post("/api/v1/admin/users").then().statusCode(422).body("errors.field", Matchers.hasItem("password"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("username", "Bad Name!", "password", PASSWORD, "roles", List.of("legal")))
                .post("/api/v1/admin/users").then().statusCode(422).body("errors.field", Matchers.hasItem("username"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("username", "someone", "password", PASSWORD, "roles", List.of("root")))
                .post("/api/v1/admin/users").then().statusCode(422);
        asAdmin().contentType(ContentType.JSON).body(Map.of("username", "someone", "password", "aaaaaaaaaaaaaaaa", "roles", List.of("legal")))
                .post("/api/v1/admin/users").then().statusCode(422).body("detail", containsString("too few"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("username", Staff.LEGAL, "password", PASSWORD, "roles", List.of("legal")))
                .post("/api/v1/admin/users").then().statusCode(409);
    }

    @Test
    void theLastAdminCannotBeDisabledOrDemotedNorCanAdminsDisableThemselves() {
        asAdmin().post("/api/v1/admin/users/" + Staff.ADMIN + "/disable").then().statusCode(409)
                .body("detail", containsString("your own account"));
        // admin, ada.admin and eve.all-roles are admins: take two away and the third is the last
        asAdmin().post("/api/v1/admin/users/admin/disable").then().statusCode(200);
        asAdmin().post("/api/v1/admin/users/" + Staff.EVERYONE + "/disable").then().statusCode(200);
        try {
            asAdmin().contentType(ContentType.JSON).body(Map.of("roles", List.of("legal")))
                    .put("/api/v1/admin/users/" + Staff.ADMIN + "/roles").then().statusCode(409)
                    .body("detail", containsString("last enabled admin"));
        } finally {
            asAdmin().post("/api/v1/admin/users/admin/enable").then().statusCode(200);
            asAdmin().post("/api/v1/admin/users/" + Staff.EVERYONE + "/enable").then().statusCode(200);
        }
    }

    @Test
    void listingShowsNoSecrets() {
        String body = asAdmin().get("/api/v1/admin/users").asString();

        assertThat(body).contains(Staff.LEGAL).doesNotContain("$2a$").doesNotContain("password");
    }
}
