package io.subregistry.registry.version.rest;

import io.subregistry.platform.MediaNegotiation;
import io.subregistry.platform.RegistryConfig;
import io.subregistry.registry.version.PublishedListService;
import io.subregistry.registry.version.PublishedListService.Rendered;
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

import java.util.Arrays;

/** The public list: what is in force now, or on a given date. */
@Path("/api/v1/subprocessors")
@PermitAll
@Tag(name = "Published list and history")
public class SubprocessorListResource {

    static final String CSV = "text/csv";
    static final MediaType CSV_TYPE = MediaType.valueOf(CSV);
    static final MediaType CSV_UTF8 = MediaType.valueOf(CSV + "; charset=UTF-8");

    private final PublishedListService lists;
    private final RegistryConfig config;

    public SubprocessorListResource(PublishedListService lists, RegistryConfig config) {
        this.lists = lists;
        this.config = config;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @Operation(summary = "The sub-processors in force, grouped by section; each entry says whether the current version"
            + " added it. `Accept: text/csv` gives one row per sub-processor.")
    public Response list(@Parameter(description = "a date (the list in force at its end) or an instant")
                         @QueryParam("at") String at,
                         @Parameter(description = "json or csv: overrides Accept, for links") @QueryParam("format") String format,
                         @HeaderParam("If-None-Match") String ifNoneMatch,
                         @Context HttpHeaders headers) {
        boolean csv = MediaNegotiation.choose(headers, format, MediaType.APPLICATION_JSON_TYPE, CSV_TYPE).equals(CSV_TYPE);
        Rendered list = select(at);
        return csv ? respond(list.csv(), list.csvEtag(), CSV_UTF8, ifNoneMatch)
                : respond(list.json(), list.jsonEtag(), MediaType.APPLICATION_JSON_TYPE, ifNoneMatch);
    }

    private Rendered select(String at) {
        return at == null || at.isBlank() ? lists.current() : lists.inForceAt(Moments.endOf("at", at, config.zone()));
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
