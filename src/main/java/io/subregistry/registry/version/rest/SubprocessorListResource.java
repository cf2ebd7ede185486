package io.subregistry.registry.version.rest;

import io.subregistry.platform.MediaNegotiation;
import io.subregistry.platform.RegistryConfig;
import io.subregistry.platform.i18n.Language;
import io.subregistry.registry.version.ListFragments;
import io.subregistry.registry.version.PublishedListService;
import io.subregistry.registry.version.PublishedListService.Rendered;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/** The public list: what is in force now, or on a given date. */
@Path("/api/v1/subprocessors")
@PermitAll
@Tag(name = "Published list and history")
public class SubprocessorListResource {

    static final String CSV = "text/csv";
    static final MediaType CSV_TYPE = MediaType.valueOf(CSV);
    static final MediaType CSV_UTF8 = MediaType.valueOf(CSV + "; charset=UTF-8");
    static final MediaType HTML_UTF8 = MediaType.valueOf("text/html; charset=UTF-8");
    static final String HTML_FORMAT = "html";
    /** IMF-fixdate (RFC 9110): always two digits for the day, which RFC_1123_DATE_TIME does not write. */
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final PublishedListService lists;
    private final ListFragments fragments;
    private final RegistryConfig config;

    public SubprocessorListResource(PublishedListService lists, ListFragments fragments, RegistryConfig config) {
        this.lists = lists;
        this.fragments = fragments;
        this.config = config;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, CSV, MediaType.TEXT_HTML})
    @Operation(summary = "The sub-processors in force, grouped by section; each entry says whether the current version"
            + " added it. `Accept: text/csv` gives one row per sub-processor; `?format=html` a plain HTML fragment"
            + " (sections, tables, last updated; no html/head/body, no script, no style) to include in another site's page.")
    public Uni<Response> list(@Parameter(description = "a date (the list in force at its end) or an instant")
                              @QueryParam("at") String at,
                              @Parameter(description = "json, csv or html: overrides Accept, for links") @QueryParam("format") String format,
                              @Parameter(description = "en, de or fr: the language of the HTML fragment's headings (English otherwise)")
                              @QueryParam("lang") String lang,
                              @HeaderParam("If-None-Match") String ifNoneMatch,
                              @HeaderParam("If-Modified-Since") String ifModifiedSince,
                              @Context HttpHeaders headers) {
        if (format != null && HTML_FORMAT.equalsIgnoreCase(format.strip())) {
            return onWorker(() -> fragment(select(at), Language.ofTagOr(lang, Language.DEFAULT), ifNoneMatch, ifModifiedSince));
        }
        boolean csv = MediaNegotiation.choose(headers, format, MediaType.APPLICATION_JSON_TYPE, CSV_TYPE).equals(CSV_TYPE);
        // The usual request (the list now, its bytes prepared) is answered on the event loop; anything
        // that may read the database goes to a worker thread.
        Optional<Rendered> ready = at == null ? lists.currentIfReady() : Optional.empty();
        if (ready.isPresent()) {
            return Uni.createFrom().item(answer(ready.get(), csv, ifNoneMatch));
        }
        return onWorker(() -> answer(select(at), csv, ifNoneMatch));
    }

    private static Uni<Response> onWorker(Callable<Response> answer) {
        return Uni.createFrom().item(() -> QuarkusTransaction.joiningExisting().call(answer))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private static Response answer(Rendered list, boolean csv, String ifNoneMatch) {
        return csv ? respond(list.csv(), list.csvEtag(), CSV_UTF8, ifNoneMatch)
                : respond(list.json(), list.jsonEtag(), MediaType.APPLICATION_JSON_TYPE, ifNoneMatch);
    }

    private Rendered select(String at) {
        return at == null || at.isBlank() ? lists.current() : lists.inForceAt(Moments.endOf("at", at, config.zone()));
    }

    /**
     * The HTML fragment, answered like the JSON (ETag, 304) and with Last-Modified, so a build hook can ask "changed
     * since?" either way. Its language comes only from ?lang=: a build server gets the same bytes every time.
     */
    private Response fragment(Rendered list, Language language, String ifNoneMatch, String ifModifiedSince) {
        ListFragments.Fragment fragment = fragments.of(list, language);
        Instant modified = fragment.lastModified() == null ? null : fragment.lastModified().truncatedTo(ChronoUnit.SECONDS);
        Instant since = since(ifModifiedSince);
        // If-Modified-Since counts only without If-None-Match (RFC 9110, 13.2.2); unmodified is answered like a matching ETag
        boolean unmodified = ifNoneMatch == null && modified != null && since != null && !modified.isAfter(since);
        Response answer = respond(fragment.html(), fragment.etag(), HTML_UTF8, unmodified ? fragment.etag() : ifNoneMatch);
        return modified == null ? answer : Response.fromResponse(answer)
                .header("Last-Modified", HTTP_DATE.format(modified)).build();
    }

    /** An If-Modified-Since date, or null if it is not one (then ignored, as RFC 9110 says). */
    private static Instant since(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return ZonedDateTime.parse(header.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The prepared bytes of one representation, or 304 if the client has them (its ETag, quoted, prepared too). */
    static Response respond(byte[] body, String etag, MediaType type, String ifNoneMatch) {
        Response.ResponseBuilder answer;
        if (ifNoneMatch != null && Arrays.stream(ifNoneMatch.split(",")).map(String::strip)
                .anyMatch(tag -> tag.equals(etag) || tag.equals("W/" + etag) || tag.equals("*"))) {
            answer = Response.notModified();
        } else {
            answer = Response.ok(body, type);
        }
        return answer.header("ETag", etag)
                .header("Cache-Control", "public, max-age=60")
                .header("Vary", "Accept")
                .build();
    }
}
