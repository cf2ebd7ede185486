package io.subregistry.registry.version;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.subregistry.support.RegistryTest;
import io.subregistry.support.TestDatabase.DatabaseRefusal;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static io.subregistry.support.Staff.asAuditor;
import static io.subregistry.support.Staff.asLegal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Published history cannot be rewritten, neither through the API nor in the database, and tampering shows. */
@QuarkusTest
class ImmutabilityTest extends RegistryTest {

    @Test
    void theDatabaseRefusesToChangePublishedRows() {
        assertThatThrownBy(() -> database.execute("update version set summary = 'rewritten' where number = 1"))
                .isInstanceOf(DatabaseRefusal.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> database.execute("delete from version_entry where version_number = 2"))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> database.execute("update change_event set name = 'x'"))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> database.execute("truncate version cascade"))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> database.execute("delete from audit_event"))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> database.execute("""
                insert into version_entry (version_number, subprocessor_id, section_key, name, legal_address, location,
                                           processing_activity)
                values (1, gen_random_uuid(), 'product', 'Smuggled', 'x', 'x', 'x')"""))
                .hasMessageContaining("sealed");
        given().get("/api/v1/versions/1").then().body("summary", equalTo("Initial list of sub-processors (sample data)"));
    }

    @Test
    void theApiAnswers409ToAnyChangeOfAVersion() {
        asLegal().contentType("application/json").body("{}").put("/api/v1/versions/1")
                .then().statusCode(409).contentType("application/problem+json").body("detail", containsString("never change"));
        asLegal().delete("/api/v1/versions/2").then().statusCode(409);
        asLegal().delete("/api/v1/versions/99").then().statusCode(404);
    }

    @Test
    void theChainVerifiesAndTamperingIsFoundAtTheRightVersion() {
        asAuditor().get("/api/v1/versions/verify").then().statusCode(200)
                .body("valid", equalTo(true)).body("versionsChecked", equalTo(2));

        // What an attacker with superuser rights could do: switch the triggers off and edit history.
        database.execute("""
                set session_replication_role = replica;
                update version_entry set location = 'USA' where version_number = 2 and name = 'ADA';
                set session_replication_role = origin;
                """);

        Response report = asAuditor().get("/api/v1/versions/verify");
        assertThat(report.<Boolean>path("valid")).isFalse();
        assertThat(report.<Integer>path("firstBroken.version")).isEqualTo(2);
        assertThat(report.<String>path("firstBroken.reason")).contains("does not match its hash");
    }

    @Test
    void aDroppedVersionBreaksTheChain() {
        database.execute("""
                set session_replication_role = replica;
                delete from change_event where version_number = 1;
                delete from version_entry where version_number = 1;
                delete from version_section where version_number = 1;
                delete from version where number = 1;
                set session_replication_role = origin;
                """);

        Response report = asAuditor().get("/api/v1/versions/verify");
        assertThat(report.<Boolean>path("valid")).isFalse();
        assertThat(report.<Integer>path("firstBroken.version")).isEqualTo(2);
    }

    @Test
    void editedChangeEventsAreFound() {
        database.execute("""
                set session_replication_role = replica;
                update change_event set name = 'Something else' where version_number = 2;
                set session_replication_role = origin;
                """);

        Response report = asAuditor().get("/api/v1/versions/verify");
        assertThat(report.<Boolean>path("valid")).isFalse();
        assertThat(report.<String>path("firstBroken.reason")).contains("change events");
    }
}
