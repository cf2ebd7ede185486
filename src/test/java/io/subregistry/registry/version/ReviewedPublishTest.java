package io.subregistry.registry.version;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.subregistry.support.Api;
import io.subregistry.support.BackgroundEdits;
import io.subregistry.support.Entries;
import io.subregistry.support.MutableClock;
import io.subregistry.support.RegistryTest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static io.subregistry.support.Staff.asLegal;
import static org.assertj.core.api.Assertions.assertThat;

/** A publish on the API is bound to the diff that was reviewed: it names that diff's ETag, or nothing is published. */
@QuarkusTest
class ReviewedPublishTest extends RegistryTest {

    @Test
    void aPublishThatNamesNoReviewedDraftIsRefusedWith428() {
        Api.addToDraft(Entries.named("Postmark"));

        for (String ifMatch : new String[]{null, "", "*"}) {
            Response refused = publish(ifMatch);
            assertThat(refused.statusCode()).as("If-Match: " + ifMatch).isEqualTo(428);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.<String>path("title")).isEqualTo("Precondition Required");
            assertThat(refused.<String>path("detail")).contains("If-Match").contains("/api/v1/draft/diff");
        }
        assertNoNewVersion();
    }

    @Test
    void aStaleOrGarbledIfMatchIsRefusedWith412() {
        String reviewed = Api.reviewedDraft();
        String entry = Api.addToDraft(Entries.named("Postmark"));

        for (String ifMatch : new String[]{reviewed, "garbage", "\"d\"", "\"d-1\"", Api.entryTag(entry), "W/" + reviewed}) {
            Response refused = publish(ifMatch);
            assertThat(refused.statusCode()).as("If-Match: " + ifMatch).isEqualTo(412);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.<String>path("detail")).contains("review the diff again");
        }
        assertNoNewVersion();

        Response published = publish(Api.reviewedDraft());
        assertThat(published.statusCode()).isEqualTo(201);
        assertThat(published.<Integer>path("number")).isEqualTo(3);
    }

    @Test
    void theDiffAndItsEtagAreReadTogetherWhileTheDraftChanges() throws Exception {
        List<String> mismatches = new ArrayList<>();
        int reads = 0;
        try (BackgroundEdits edits = BackgroundEdits.start(60)) {
            while (edits.running() || reads < 20) {
                Response diff = asLegal().get("/api/v1/draft/diff");
                long etag = BackgroundEdits.draftRevision(diff.header("ETag"));
                long shown = edits.revisionShownIn(diff.asString());
                if (etag != shown) {
                    mismatches.add("ETag d" + etag + " with the content of d" + shown);
                }
                reads++;
            }
        }
        assertThat(mismatches).as("of %d reads", reads).isEmpty();
    }

    @Test
    void publishingTheEtagOfADiffPublishesExactlyThatDiff() throws Exception {
        try (BackgroundEdits edits = BackgroundEdits.start(30)) {
            List<String> outcomes = new ArrayList<>();
            while (edits.running()) {
                String reviewed = asLegal().get("/api/v1/draft/diff").header("ETag");
                Response published = publish(reviewed);
                if (published.statusCode() == 201) {
                    int number = published.path("number");
                    String snapshot = given().get("/api/v1/versions/" + number).asString();
                    assertThat(edits.revisionShownIn(snapshot)).as("version %d published with If-Match %s", number, reviewed)
                            .isEqualTo(BackgroundEdits.draftRevision(reviewed));
                    outcomes.add("published");
                } else {
                    assertThat(published.statusCode()).as(published.asString()).isIn(409, 412);
                    outcomes.add(Integer.toString(published.statusCode()));
                }
            }
            assertThat(outcomes).isNotEmpty();
        }
    }

    private static Response publish(String ifMatch) {
        var request = asLegal().contentType(ContentType.JSON)
                .body(Map.of("effectiveAt", LocalDate.ofInstant(MutableClock.START, ZoneOffset.UTC)
                        .plusDays(31).toString(), "summary", "Adds Postmark"));
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        return request.post("/api/v1/draft/publish");
    }

    private static void assertNoNewVersion() {
        assertThat(given().get("/api/v1/versions").<List<Integer>>path("number")).containsExactlyInAnyOrder(1, 2);
    }
}
