package io.subregistry.security;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.subregistry.support.RegistryTest;
import io.subregistry.support.Staff;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every staff endpoint against every caller: anonymous gets 401 with a Basic challenge, a wrong
 * role 403, the right role neither. The OpenAPI document proves no endpoint is left out.
 */
@QuarkusTest
class RoleMatrixTest extends RegistryTest {

    private static final String NO_SUCH_ID = "00000000-0000-0000-0000-000000000000";
    private static final Set<String> LEGAL = Set.of(Roles.LEGAL);
    private static final Set<String> LEGAL_OR_ADMIN = Set.of(Roles.LEGAL, Roles.ADMIN);
    private static final Set<String> READERS = Set.of(Roles.AUDITOR, Roles.LEGAL, Roles.ADMIN);
    private static final Set<String> ADMIN = Set.of(Roles.ADMIN);
    private static final Set<String> ANY_STAFF = Roles.ALL;

    /** One endpoint: its method and a concrete path, the OpenAPI template, and who may call it. */
    record Endpoint(String method, String path, String template, Set<String> roles) {
    }

    private static final List<Endpoint> STAFF_ENDPOINTS = List.of(
            new Endpoint("GET", "/api/v1/draft", "/api/v1/draft", LEGAL),
            new Endpoint("GET", "/api/v1/draft/diff", "/api/v1/draft/diff", LEGAL),
            new Endpoint("POST", "/api/v1/draft/subprocessors", "/api/v1/draft/subprocessors", LEGAL),
            new Endpoint("GET", "/api/v1/draft/subprocessors/" + NO_SUCH_ID, "/api/v1/draft/subprocessors/{id}", LEGAL),
            new Endpoint("PUT", "/api/v1/draft/subprocessors/" + NO_SUCH_ID, "/api/v1/draft/subprocessors/{id}", LEGAL),
            new Endpoint("DELETE", "/api/v1/draft/subprocessors/" + NO_SUCH_ID, "/api/v1/draft/subprocessors/{id}", LEGAL),
            new Endpoint("POST", "/api/v1/draft/sections", "/api/v1/draft/sections", LEGAL),
            new Endpoint("GET", "/api/v1/draft/sections/nope", "/api/v1/draft/sections/{key}", LEGAL),
            new Endpoint("PUT", "/api/v1/draft/sections/nope", "/api/v1/draft/sections/{key}", LEGAL),
            new Endpoint("DELETE", "/api/v1/draft/sections/nope", "/api/v1/draft/sections/{key}", LEGAL),
            new Endpoint("POST", "/api/v1/draft/import", "/api/v1/draft/import", LEGAL),
            new Endpoint("POST", "/api/v1/draft/publish", "/api/v1/draft/publish", LEGAL),
            new Endpoint("PUT", "/api/v1/versions/1", "/api/v1/versions/{number}", LEGAL_OR_ADMIN),
            new Endpoint("PATCH", "/api/v1/versions/1", "/api/v1/versions/{number}", LEGAL_OR_ADMIN),
            new Endpoint("DELETE", "/api/v1/versions/1", "/api/v1/versions/{number}", LEGAL_OR_ADMIN),
            new Endpoint("GET", "/api/v1/versions/verify", "/api/v1/versions/verify", READERS),
            new Endpoint("GET", "/api/v1/audit-log", "/api/v1/audit-log", READERS),
            new Endpoint("GET", "/api/v1/me", "/api/v1/me", ANY_STAFF),
            new Endpoint("GET", "/api/v1/versions/1/notices", "/api/v1/versions/{number}/notices", READERS),
            new Endpoint("GET", "/api/v1/versions/1/objections", "/api/v1/versions/{number}/objections", READERS),
            new Endpoint("POST", "/api/v1/objections/" + NO_SUCH_ID + "/resolution", "/api/v1/objections/{id}/resolution", LEGAL),
            new Endpoint("GET", "/api/v1/admin/users", "/api/v1/admin/users", ADMIN),
            new Endpoint("POST", "/api/v1/admin/users", "/api/v1/admin/users", ADMIN),
            new Endpoint("GET", "/api/v1/admin/users/nobody-here", "/api/v1/admin/users/{username}", ADMIN),
            new Endpoint("POST", "/api/v1/admin/users/nobody-here/disable", "/api/v1/admin/users/{username}/disable", ADMIN),
            new Endpoint("POST", "/api/v1/admin/users/nobody-here/enable", "/api/v1/admin/users/{username}/enable", ADMIN),
            new Endpoint("PUT", "/api/v1/admin/users/nobody-here/password", "/api/v1/admin/users/{username}/password", ADMIN),
            new Endpoint("PUT", "/api/v1/admin/users/nobody-here/roles", "/api/v1/admin/users/{username}/roles", ADMIN),
            new Endpoint("POST", "/api/v1/admin/signing-keys/rotate", "/api/v1/admin/signing-keys/rotate", ADMIN),
            new Endpoint("GET", "/api/v1/draft/earliest-effective-date", "/api/v1/draft/earliest-effective-date", LEGAL),
            new Endpoint("POST", "/api/v1/customers", "/api/v1/customers", LEGAL),
            new Endpoint("GET", "/api/v1/customers", "/api/v1/customers", READERS),
            new Endpoint("GET", "/api/v1/customers/" + NO_SUCH_ID, "/api/v1/customers/{id}", READERS),
            new Endpoint("PUT", "/api/v1/customers/" + NO_SUCH_ID, "/api/v1/customers/{id}", LEGAL),
            new Endpoint("POST", "/api/v1/customers/" + NO_SUCH_ID + "/archive", "/api/v1/customers/{id}/archive", LEGAL),
            new Endpoint("POST", "/api/v1/customers/import", "/api/v1/customers/import", LEGAL),
            new Endpoint("GET", "/api/v1/customers/" + NO_SUCH_ID + "/evidence", "/api/v1/customers/{id}/evidence", READERS),
            new Endpoint("GET", "/api/v1/versions/1/obligations", "/api/v1/versions/{number}/obligations", READERS),
            new Endpoint("POST", "/api/v1/versions/2/withdrawal", "/api/v1/versions/{number}/withdrawal", LEGAL),
            new Endpoint("POST", "/api/v1/webhooks", "/api/v1/webhooks", LEGAL),
            new Endpoint("GET", "/api/v1/webhooks", "/api/v1/webhooks", READERS),
            new Endpoint("GET", "/api/v1/webhooks/" + NO_SUCH_ID, "/api/v1/webhooks/{id}", READERS),
            new Endpoint("DELETE", "/api/v1/webhooks/" + NO_SUCH_ID, "/api/v1/webhooks/{id}", LEGAL),
            new Endpoint("POST", "/api/v1/webhooks/" + NO_SUCH_ID + "/test", "/api/v1/webhooks/{id}/test", LEGAL),
            new Endpoint("POST", "/api/v1/webhooks/" + NO_SUCH_ID + "/rotate-secret", "/api/v1/webhooks/{id}/rotate-secret", LEGAL),
            new Endpoint("POST", "/api/v1/webhooks/" + NO_SUCH_ID + "/enable", "/api/v1/webhooks/{id}/enable", LEGAL));

    private static final Set<String> PUBLIC_OPERATIONS = Set.of(
            "GET /api/v1", "GET /api/v1/subprocessors", "GET /api/v1/upcoming", "GET /api/v1/versions", "GET /api/v1/versions/{number}",
            "GET /api/v1/versions/{number}/changes", "GET /api/v1/changes", "GET /api/v1/diff",
            "POST /api/v1/subscriptions", "POST /api/v1/subscriptions/confirmations/{token}",
            "GET /api/v1/subscriptions/{token}", "PUT /api/v1/subscriptions/{token}",
            "POST /api/v1/subscriptions/{token}/unsubscribe", "GET /api/v1/objections/{token}",
            "POST /api/v1/objections/{token}", "GET /api/v1/acknowledgements/{token}",
            "POST /api/v1/acknowledgements/{token}");

    private static final Map<String, String> ACCOUNT_OF_ROLE = Map.of(
            "legal", Staff.LEGAL, "auditor", Staff.AUDITOR, "admin", Staff.ADMIN);

    @Test
    void everyStaffEndpointChecksItsCaller() {
        List<String> wrong = new ArrayList<>();
        for (Endpoint endpoint : STAFF_ENDPOINTS) {
            Response anonymous = call(given(), endpoint);
            if (anonymous.statusCode() != 401 || anonymous.header("WWW-Authenticate") == null
                    || !anonymous.contentType().startsWith("application/problem+json")) {
                wrong.add(endpoint + " anonymous → " + anonymous.statusCode());
            }
            for (Map.Entry<String, String> account : ACCOUNT_OF_ROLE.entrySet()) {
                int status = call(Staff.as(account.getValue()), endpoint).statusCode();
                boolean allowed = endpoint.roles().contains(account.getKey());
                if (allowed && (status == 401 || status == 403 || status >= 500)) {
                    wrong.add(endpoint + " as " + account.getKey() + " → " + status + ", expected access");
                }
                if (!allowed && status != 403) {
                    wrong.add(endpoint + " as " + account.getKey() + " → " + status + ", expected 403");
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void wrongPasswordsAndUnknownUsersGet401() {
        given().auth().preemptive().basic(Staff.LEGAL, "not the password").get("/api/v1/draft")
                .then().statusCode(401).header("WWW-Authenticate", Matchers.startsWith("Basic"));
        given().auth().preemptive().basic("no-such-user", Staff.PASSWORD).get("/api/v1/draft").then().statusCode(401);
        given().header("Authorization", "Basic !!!not-base64!!!").get("/api/v1/draft").then().statusCode(401);
    }

    @Test
    void publicEndpointsIgnoreCredentialsEntirely() {
        given().auth().preemptive().basic("no-such-user", "whatever").get("/api/v1/subprocessors").then().statusCode(200);
    }

    @Test
    void theMatrixCoversEveryOperationOfTheApi() {
        Map<String, Map<String, Object>> paths = RestAssured.given().accept("application/json")
                .get("/q/openapi").jsonPath().getMap("paths");
        Set<String> documented = new TreeSet<>();
        paths.forEach((path, operations) -> operations.keySet().stream()
                .filter(method -> Set.of("get", "put", "post", "delete", "patch").contains(method))
                .forEach(method -> documented.add(method.toUpperCase() + " " + path)));

        Set<String> covered = new TreeSet<>(PUBLIC_OPERATIONS);
        STAFF_ENDPOINTS.forEach(endpoint -> covered.add(endpoint.method() + " " + endpoint.template()));

        assertThat(documented.stream().filter(operation -> operation.contains(" /api/")).toList())
                .containsExactlyInAnyOrderElementsOf(covered);
    }

    private static Response call(RequestSpecification request, Endpoint endpoint) {
        return request.contentType("application/json").body("{}").request(endpoint.method(), endpoint.path());
    }
}
