package io.subregistry.web.console;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.builder.MultiPartSpecBuilder;
import io.restassured.response.Response;
import io.restassured.specification.MultiPartSpecification;
import io.subregistry.support.Api;
import io.subregistry.support.Entries;
import io.subregistry.support.RegistryTest;
import io.subregistry.support.Staff;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static io.subregistry.support.Staff.asLegal;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Importing never throws draft work away unseen: a preview first (console and API), merge keeps
 * draft edits, the apply is bound to the previewed revision, and every export imports back.
 */
@QuarkusTest
class ImportPreviewTest extends RegistryTest {

    @Test
    void mergingThePublishedExportKeepsEveryDraftEditAndReplaceShowsWhatItWouldUndo() {
        String published = given().get("/api/v1/subprocessors?format=csv").then().statusCode(200).extract().asString();
        int entries = given().get("/api/v1/subprocessors").path("sections.subprocessors.flatten().size()");
        draftWork();

        // merge: the published rows change nothing, so the draft's edits, move, removal and addition stay
        Response merge = preview(published, "merge");
        assertThat(counts(merge)).containsEntry("added", 0).containsEntry("changed", 0).containsEntry("removed", 0)
                .containsEntry("unchanged", entries);
        assertThat(merge.<List<Object>>path("changes")).isEmpty();

        // replace: the preview shows every piece of draft work it would undo, before anything happens
        Response replace = preview(published, "replace");
        assertThat(counts(replace)).containsEntry("added", 1).containsEntry("changed", 2).containsEntry("removed", 1)
                .containsEntry("unchanged", entries - 3);
        assertThat(replace.<List<String>>path("changes.name")).contains("Chargebee", "Cloudflare", "Zapier", "NewCo");
        assertThat(draftNames()).contains("NewCo").doesNotContain("Chargebee");

        // applying merge keeps the work; a row that differs from what was published still applies
        String changedRow = published.replace("Full user and patient data", "All user data");
        asLegal().contentType("text/csv; charset=UTF-8").header("If-Match", replace.header("ETag")).body(changedRow)
                .post("/api/v1/draft/import?mode=merge").then().statusCode(200);
        Map<String, Object> cloudflare = entry("Cloudflare");
        assertThat(cloudflare.get("location")).isEqualTo("EU only");
        assertThat(entry("Zapier").get("section")).isEqualTo("support");
        assertThat(draftNames()).contains("NewCo").doesNotContain("Chargebee");
        assertThat((String) entry("AWS (PaaS)").get("processingActivity")).startsWith("All user data");

        // the previewed revision is gone now: applying the replace preview is refused, nothing lost
        asLegal().contentType("text/csv; charset=UTF-8").header("If-Match", replace.header("ETag")).body(published)
                .post("/api/v1/draft/import").then().statusCode(412);
        assertThat(draftNames()).contains("NewCo");
    }

    @Test
    void theConsoleShowsThePreviewAndAppliesOnlyOnConfirmationOnThePreviewedRevision() {
        draftWork();
        ConsoleSession legal = ConsoleSession.signedIn(Staff.LEGAL, Staff.PASSWORD);
        String published = given().get("/api/v1/subprocessors?format=csv").then().extract().asString();
        assertThat(published.length()).as("the export that used to answer 413 in the box").isGreaterThan(2048);

        Response preview = legal.request().multiPart("csrf", ConsoleTest.csrfOf(legal)).multiPart("format", "csv")
                .multiPart("mode", "replace").multiPart(utf8("text", published)).post("/console/draft/import");
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.asString()).contains("Import preview").contains("Nothing has changed yet")
                .contains("<th scope=\"row\">Removed</th><td>1</td>").contains("NewCo")
                .contains("Apply these changes to the draft");
        assertThat(draftNames()).as("a preview changes nothing").contains("NewCo");
        String previewed = ConsoleTest.revisionOf(preview);

        // someone edits the draft meanwhile: the confirmation no longer applies
        Api.addToDraft(Entries.named("Latecomer").in("sales"));
        Response stale = legal.request().multiPart("csrf", ConsoleTest.csrfOf(legal)).multiPart("format", "csv")
                .multiPart("mode", "replace").multiPart(utf8("text", published)).multiPart("revision", previewed)
                .post("/console/draft/import/apply");
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(draftNames()).contains("NewCo", "Latecomer");

        // previewed again and confirmed: applied
        Response again = legal.request().multiPart("csrf", ConsoleTest.csrfOf(legal)).multiPart("format", "csv")
                .multiPart("mode", "replace").multiPart("file", "list.csv", published.getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/console/draft/import");
        Response applied = legal.request().multiPart("csrf", ConsoleTest.csrfOf(legal)).multiPart("format", "csv")
                .multiPart("mode", "replace").multiPart(utf8("text", published)).multiPart("revision", ConsoleTest.revisionOf(again))
                .post("/console/draft/import/apply");
        assertThat(applied.statusCode()).isEqualTo(303);
        assertThat(draftNames()).doesNotContain("NewCo", "Latecomer").contains("Chargebee");
    }

    @Test
    void everyExportImportsBackThroughTheBoxAndTheUploadChangingNothing() {
        draftWork();
        ConsoleSession legal = ConsoleSession.signedIn(Staff.LEGAL, Staff.PASSWORD);
        Map<String, String> exports = new HashMap<>();
        Response csv = legal.request().get("/console/draft/export.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains("draft.csv");
        exports.put("csv", csv.asString());
        Response json = legal.request().get("/console/draft/export.json");
        assertThat(json.statusCode()).isEqualTo(200);
        exports.put("json", json.asString());
        exports.put("csv published", given().get("/api/v1/subprocessors?format=csv").asString());
        exports.put("json version", given().get("/api/v1/versions/2").asString());

        for (Map.Entry<String, String> export : exports.entrySet()) {
            String format = export.getKey().startsWith("csv") ? "csv" : "json";
            boolean draftExport = !export.getKey().contains(" ");
            Response box = legal.request().multiPart("csrf", ConsoleTest.csrfOf(legal)).multiPart("format", format)
                    .multiPart("mode", "merge").multiPart(utf8("text", export.getValue())).post("/console/draft/import");
            assertThat(box.statusCode()).as(export.getKey() + " pasted").isEqualTo(200);
            Response upload = legal.request().multiPart("csrf", ConsoleTest.csrfOf(legal)).multiPart("format", format)
                    .multiPart("mode", "merge").multiPart("file", "export." + format,
                            export.getValue().getBytes(StandardCharsets.UTF_8), "text/plain")
                    .post("/console/draft/import");
            assertThat(upload.statusCode()).as(export.getKey() + " uploaded").isEqualTo(200);
            if (draftExport) {
                assertThat(box.asString()).as(export.getKey()).contains("The file changes nothing in the draft");
                assertThat(upload.asString()).as(export.getKey()).contains("The file changes nothing in the draft");
            }
        }

        // a box far larger than the old 2 KB field limit reaches the importer (which names what is wrong), never a 413
        String big = exports.get("csv") + exports.get("csv").lines().skip(1).reduce("", (a, b) -> a + b + "\n").repeat(400);
        assertThat(big.length()).isGreaterThan(1_000_000);
        Response large = legal.request().multiPart("csrf", ConsoleTest.csrfOf(legal)).multiPart("format", "csv")
                .multiPart("mode", "merge").multiPart(utf8("text", big)).post("/console/draft/import");
        assertThat(large.statusCode()).isEqualTo(400);
        assertThat(large.asString()).contains("more than once");
    }

    /** An addition, an edit, a move and a removal in the draft since version 2. */
    private static void draftWork() {
        Api.addToDraft(Entries.named("NewCo").in("product"));
        Map<String, Object> cloudflare = entry("Cloudflare");
        cloudflare.put("location", "EU only");
        put(cloudflare);
        Map<String, Object> zapier = entry("Zapier");
        zapier.put("section", "support");
        put(zapier);
        Api.removeFromDraft((String) entry("Chargebee").get("id"));
    }

    private static void put(Map<String, Object> entry) {
        String id = (String) entry.get("id");
        Map<String, Object> body = new HashMap<>(entry);
        body.remove("id");
        body.remove("revision");
        asLegal().contentType(ContentType.JSON).header("If-Match", Api.entryTag(id)).body(body)
                .put("/api/v1/draft/subprocessors/" + id).then().statusCode(200);
    }

    /** A form field as a browser sends it: UTF-8. */
    static MultiPartSpecification utf8(String name, String value) {
        return new MultiPartSpecBuilder(value).controlName(name).charset(StandardCharsets.UTF_8).build();
    }

    private static Response preview(String csv, String mode) {
        Response preview = asLegal().contentType("text/csv; charset=UTF-8").body(csv).post("/api/v1/draft/import?dryRun=true&mode=" + mode);
        assertThat(preview.statusCode()).as(preview.asString()).isEqualTo(200);
        return preview;
    }

    private static Map<String, Integer> counts(Response preview) {
        return Map.of("added", preview.path("added"), "changed", preview.path("changed"), "removed", preview.path("removed"),
                "unchanged", preview.path("unchanged"));
    }

    private static List<String> draftNames() {
        return asLegal().get("/api/v1/draft").path("sections.subprocessors.flatten().name");
    }

    private static Map<String, Object> entry(String name) {
        return new HashMap<>(asLegal().get("/api/v1/draft")
                .path("sections.subprocessors.flatten().find { it.name == '" + name + "' }"));
    }
}
