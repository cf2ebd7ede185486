package io.subregistry.web.console;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.subregistry.support.RegistryTest;
import io.subregistry.support.Staff;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static io.subregistry.support.Staff.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;

/** A console session never outlives a password change, a disable or a role change of its account. */
@QuarkusTest
class SessionEndTest extends RegistryTest {

    private static final String PASSWORD = "a long enough password";
    private static final String NEW_PASSWORD = "another long enough password";
    private static final AtomicInteger ACCOUNTS = new AtomicInteger();

    @Test
    void aPasswordChangeEndsEverySessionOfTheAccount() {
        String viaApi = account("legal");
        ConsoleSession first = ConsoleSession.signedIn(viaApi, PASSWORD);
        ConsoleSession second = ConsoleSession.signedIn(viaApi, PASSWORD);
        assertSignedIn(first, second);
        asAdmin().contentType(ContentType.JSON).body(Map.of("password", NEW_PASSWORD))
                .put("/api/v1/admin/users/" + viaApi + "/password").then().statusCode(200);
        assertSignedOut(first, second);

        String viaConsole = account("legal");
        ConsoleSession user = ConsoleSession.signedIn(viaConsole, PASSWORD);
        ConsoleSession admin = ConsoleSession.signedIn(Staff.ADMIN, Staff.PASSWORD);
        admin.get("/console/accounts");
        assertThat(admin.form().formParam("password", NEW_PASSWORD).post("/console/accounts/" + viaConsole + "/password")
                .statusCode()).isEqualTo(303);
        assertSignedOut(user);
        assertSignedIn(admin);
        assertThat(ConsoleSession.signedIn(viaConsole, NEW_PASSWORD).get("/console").statusCode()).isEqualTo(200);
    }

    @Test
    void disablingEndsTheSessionsForGoodNotOnlyWhileDisabled() {
        String viaApi = account("auditor");
        ConsoleSession session = ConsoleSession.signedIn(viaApi, PASSWORD);
        assertSignedIn(session);
        asAdmin().post("/api/v1/admin/users/" + viaApi + "/disable").then().statusCode(200);
        asAdmin().post("/api/v1/admin/users/" + viaApi + "/enable").then().statusCode(200);
        assertSignedOut(session);

        String viaConsole = account("auditor");
        ConsoleSession other = ConsoleSession.signedIn(viaConsole, PASSWORD);
        ConsoleSession admin = ConsoleSession.signedIn(Staff.ADMIN, Staff.PASSWORD);
        admin.get("/console/accounts");
        assertThat(admin.form().post("/console/accounts/" + viaConsole + "/disable").statusCode()).isEqualTo(303);
        admin.get("/console/accounts");
        assertThat(admin.form().post("/console/accounts/" + viaConsole + "/enable").statusCode()).isEqualTo(303);
        assertSignedOut(other);
    }

    @Test
    void aRoleChangeEndsEverySessionOfTheAccount() {
        String viaApi = account("legal");
        ConsoleSession session = ConsoleSession.signedIn(viaApi, PASSWORD);
        assertSignedIn(session);
        asAdmin().contentType(ContentType.JSON).body(Map.of("roles", List.of("legal", "auditor")))
                .put("/api/v1/admin/users/" + viaApi + "/roles").then().statusCode(200);
        assertSignedOut(session);

        String viaConsole = account("legal");
        ConsoleSession other = ConsoleSession.signedIn(viaConsole, PASSWORD);
        ConsoleSession admin = ConsoleSession.signedIn(Staff.ADMIN, Staff.PASSWORD);
        admin.get("/console/accounts");
        assertThat(admin.form().formParam("roles", "auditor").post("/console/accounts/" + viaConsole + "/roles")
                .statusCode()).isEqualTo(303);
        assertSignedOut(other);
        assertSignedIn(admin);
        assertThat(asAdmin().get("/api/v1/audit-log?action=ACCOUNT_ROLES_CHANGED").<List<Integer>>path("events.details.sessionsEnded"))
                .containsExactly(1, 1);
    }

    @Test
    void anAdminsOwnPasswordChangeKeepsOnlyTheSessionItWasMadeIn() {
        String self = account("admin");
        ConsoleSession here = ConsoleSession.signedIn(self, PASSWORD);
        ConsoleSession elsewhere = ConsoleSession.signedIn(self, PASSWORD);
        ConsoleSession another = ConsoleSession.signedIn(self, PASSWORD);
        assertSignedIn(here, elsewhere, another);

        here.get("/console/accounts");
        assertThat(here.form().formParam("password", NEW_PASSWORD).post("/console/accounts/" + self + "/password")
                .statusCode()).isEqualTo(303);

        assertSignedIn(here);
        assertSignedOut(elsewhere, another);

        given().auth().preemptive().basic(self, NEW_PASSWORD).contentType(ContentType.JSON)
                .body(Map.of("password", PASSWORD)).put("/api/v1/admin/users/" + self + "/password").then().statusCode(200);
        assertSignedOut(here);
    }

    /** A fresh account with {@link #PASSWORD}, so that changing it disturbs no other test. */
    private static String account(String role) {
        String username = "session." + role + "." + ACCOUNTS.incrementAndGet() + "." + System.nanoTime() % 100000;
        asAdmin().contentType(ContentType.JSON).body(Map.of("username", username, "password", PASSWORD, "roles", List.of(role)))
                .post("/api/v1/admin/users").then().statusCode(201);
        return username;
    }

    private static void assertSignedIn(ConsoleSession... sessions) {
        for (ConsoleSession session : sessions) {
            assertThat(session.get("/console").statusCode()).as("a live session").isEqualTo(200);
        }
    }

    private static void assertSignedOut(ConsoleSession... sessions) {
        for (ConsoleSession session : sessions) {
            assertThat(session.get("/console").header("Location")).as("an ended session").contains("/console/login?next=");
        }
    }
}
