package io.subregistry.support;

import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

import java.time.LocalDate;
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

    public static ExtractableResponse<Response> publish(Map<String, Object> body) {
        return asLegal().contentType(ContentType.JSON).body(new HashMap<>(body))
                .post("/api/v1/draft/publish").then().extract();
    }

    /** Publishes with enough notice for any addition; returns the new version's number. */
    public static int publishWithNotice(String summary) {
        LocalDate effective = LocalDate.ofInstant(MutableClock.START, java.time.ZoneOffset.UTC).plusDays(31);
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
