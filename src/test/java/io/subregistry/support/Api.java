package io.subregistry.support;

import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import static io.subregistry.support.Staff.asLegal;

/** The few API calls most tests start with, as legal staff. */
public final class Api {

    private Api() {
    }

    /** Adds a sub-processor to the draft and returns its id. */
    public static String addToDraft(Entries entry) {
        return asLegal().contentType(ContentType.JSON).body(entry.body())
                .post("/api/v1/draft/subprocessors")
                .then().statusCode(201).extract().path("id");
    }

    public static ExtractableResponse<Response> publish(LocalDate effective, String summary) {
        return publish(Map.of("effectiveAt", effective.toString(), "summary", summary));
    }

    /** Publishes what the draft's diff shows now, as a reviewer would: If-Match with the diff's ETag. */
    public static ExtractableResponse<Response> publish(Map<String, Object> body) {
        return asLegal().contentType(ContentType.JSON).header("If-Match", reviewedDraft()).body(new HashMap<>(body))
                .post("/api/v1/draft/publish").then().extract();
    }

    /** The ETag of the draft's diff: what a publish names as the revision it reviewed. */
    public static String reviewedDraft() {
        return asLegal().get("/api/v1/draft/diff").then().statusCode(200).extract().header("ETag");
    }

    /** The ETag of a sub-processor of the draft, for If-Match on its PUT and DELETE. */
    public static String entryTag(String id) {
        return asLegal().get("/api/v1/draft/subprocessors/" + id).then().statusCode(200).extract().header("ETag");
    }

    /** The ETag of a section of the draft, for If-Match on its PUT and DELETE. */
    public static String sectionTag(String key) {
        return asLegal().get("/api/v1/draft/sections/" + key).then().statusCode(200).extract().header("ETag");
    }

    /** Removes a sub-processor from the draft, naming the revision just read. */
    public static void removeFromDraft(String id) {
        asLegal().header("If-Match", entryTag(id)).delete("/api/v1/draft/subprocessors/" + id).then().statusCode(204);
    }

    /** Publishes with enough notice for any addition; returns the new version's number. */
    public static int publishWithNotice(String summary) {
        LocalDate effective = LocalDate.ofInstant(MutableClock.START, ZoneOffset.UTC).plusDays(31);
        return publishOrFail(effective, summary);
    }

    public static int publishOrFail(LocalDate effective, String summary) {
        ExtractableResponse<Response> published = publish(effective, summary);
        if (published.statusCode() != 201) {
            throw new AssertionError("publish failed: " + published.statusCode() + " " + published.body().asString());
        }
        return published.path("number");
    }
}
