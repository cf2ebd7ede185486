package io.subregistry.web.console;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.subregistry.support.Api;
import io.subregistry.support.BackgroundEdits;
import io.subregistry.support.Entries;
import io.subregistry.support.RegistryTest;
import io.subregistry.support.Staff;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Every console form that carries a revision is bound to it: a missing or garbled one is refused, never "no check". */
@QuarkusTest
class ConsoleRevisionTest extends RegistryTest {

    private static final Pattern REVISION = Pattern.compile("name=\"revision\" value=\"(\\d+)\"");

    @Test
    void everyFormWithoutARevisionOrWithAGarbledOneIsRefusedAndChangesNothing() {
        String postmark = Api.addToDraft(Entries.named("Postmark").in("support"));
        Staff.asLegal().contentType("application/json").body(Map.of("key", "hr", "title", "HR"))
                .post("/api/v1/draft/sections").then().statusCode(201);
        ConsoleSession legal = ConsoleSession.signedIn(Staff.LEGAL, Staff.PASSWORD);
        String draftBefore = Staff.asLegal().get("/api/v1/draft").header("ETag");
        Map<String, Map<String, String>> forms = new LinkedHashMap<>();
        forms.put("/console/draft/entries/" + postmark, Map.of("section", "support", "name", "Postmark Ltd",
                "legalAddress", "1 Main St, Chicago, IL, USA", "location", "USA", "processingActivity", "Support e-mail"));
        forms.put("/console/draft/entries/" + postmark + "/delete", Map.of());
        forms.put("/console/draft/sections/sales", Map.of("title", "Renamed"));
        forms.put("/console/draft/sections/hr/delete", Map.of());
        forms.put("/console/publish", Map.of("effectiveAt", today().plusDays(31).toString(), "summary", "Adds Postmark"));

        forms.forEach((path, fields) -> {
            legal.get("/console/draft");
            Response missing = legal.form().formParams(fields).post(path);
            assertThat(missing.statusCode()).as(path + " without a revision").isEqualTo(428);
            assertThat(missing.contentType()).startsWith("text/html");
            assertThat(missing.asString()).as(path).contains("does not say which revision");
            for (String garbled : List.of("abc", "-1", "1e3", "12 34", "99999999999999999999")) {
                legal.get("/console/draft");
                Response refused = legal.form().formParams(fields).formParam("revision", garbled).post(path);
                assertThat(refused.statusCode()).as(path + " with revision " + garbled).isEqualTo(412);
                assertThat(refused.asString()).as(path).contains("revision is not valid");
            }
        });

        assertThat(Staff.asLegal().get("/api/v1/draft").header("ETag")).isEqualTo(draftBefore);
        assertThat(given().get("/api/v1/versions").<List<Integer>>path("number")).containsExactlyInAnyOrder(1, 2);
    }

    @Test
    void thePublishPageShowsTheDiffOfTheRevisionItsFormPublishes() throws Exception {
        ConsoleSession legal = ConsoleSession.signedIn(Staff.LEGAL, Staff.PASSWORD);
        List<String> mismatches = new ArrayList<>();
        int pages = 0;
        try (BackgroundEdits edits = BackgroundEdits.start(60)) {
            while (edits.running() || pages < 20) {
                String page = legal.get("/console/publish").asString();
                Matcher revision = REVISION.matcher(page);
                assertThat(revision.find()).as("the publish form carries a revision").isTrue();
                long inForm = Long.parseLong(revision.group(1));
                long shown = edits.revisionShownIn(page);
                if (inForm != shown) {
                    mismatches.add("form revision " + inForm + " under the diff of revision " + shown);
                }
                pages++;
            }
        }
        assertThat(mismatches).as("of %d pages", pages).isEmpty();
    }

    @Test
    void aPublishFromAPageThatAnEditOvertookIsRefusedAndShowsTheNewDiff() {
        String postmark = Api.addToDraft(Entries.named("Postmark"));
        ConsoleSession legal = ConsoleSession.signedIn(Staff.LEGAL, Staff.PASSWORD);
        assertThat(legal.get("/console/publish").asString()).contains("Postmark").doesNotContain("Mailgun");
        String reviewed = legal.revision();
        Staff.asLegal().header("If-Match", Api.entryTag(postmark)).contentType("application/json")
                .body(Entries.named("Mailgun").body()).put("/api/v1/draft/subprocessors/" + postmark).then().statusCode(200);

        Response refused = legal.form().formParam("revision", reviewed)
                .formParam("effectiveAt", today().plusDays(31).toString()).formParam("summary", "Adds Postmark")
                .post("/console/publish");

        assertThat(refused.statusCode()).isEqualTo(412);
        assertThat(refused.asString()).contains("review the diff again").contains("Mailgun");
        assertThat(given().get("/api/v1/versions").<List<Integer>>path("number")).containsExactlyInAnyOrder(1, 2);
        Matcher fresh = REVISION.matcher(refused.asString());
        assertThat(fresh.find()).isTrue();
        assertThat(legal.form().formParam("revision", fresh.group(1))
                .formParam("effectiveAt", today().plusDays(31).toString()).formParam("summary", "Adds Mailgun")
                .post("/console/publish").statusCode()).isEqualTo(303);
        assertThat(given().get("/api/v1/versions/3").asString()).contains("Mailgun").doesNotContain("Postmark");
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
