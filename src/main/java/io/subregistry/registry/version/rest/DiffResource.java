package io.subregistry.registry.version.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.subregistry.diff.Diff;
import io.subregistry.diff.DiffCsv;
import io.subregistry.diff.JsonPatchGenerator;
import io.subregistry.platform.MediaNegotiation;
import io.subregistry.platform.error.InvalidInputException;
import io.subregistry.registry.version.VersionQueries;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Differences between any two published versions, in either direction. */
@Path("/api/v1/diff")
@PermitAll
@Tag(name = "Published list and history")
public class DiffResource {

    public static final String JSON_PATCH = "application/json-patch+json";
    static final MediaType JSON_PATCH_TYPE = MediaType.valueOf(JSON_PATCH);

    private final VersionQueries versions;
    private final ObjectMapper json;

    public DiffResource(VersionQueries versions, ObjectMapper json) {
        this.versions = versions;
        this.json = json;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, JSON_PATCH, SubprocessorListResource.CSV})
    @Operation(summary = "Changes from version `from` to version `to` (either direction)",
            description = "application/json: field-level changes. application/json-patch+json: an RFC 6902 patch that"
                    + " turns the `snapshot` of GET /api/v1/versions/{from} into that of {to}. text/csv: one row per"
                    + " change (per changed field, for modifications).")
    public Response diff(@QueryParam("from") Integer from, @QueryParam("to") Integer to,
                         @QueryParam("format") String format, @Context HttpHeaders headers) {
        requireBoth(from, to);
        MediaType type = MediaNegotiation.choose(headers, format, MediaType.APPLICATION_JSON_TYPE, JSON_PATCH_TYPE,
                SubprocessorListResource.CSV_TYPE);
        if (type.equals(JSON_PATCH_TYPE)) {
            JsonNode before = json.valueToTree(versions.snapshot(from));
            JsonNode after = json.valueToTree(versions.snapshot(to));
            return Response.ok(JsonPatchGenerator.diff(before, after), JSON_PATCH).build();
        }
        Diff diff = versions.diff(from, to);
        if (type.equals(SubprocessorListResource.CSV_TYPE)) {
            return Response.ok(DiffCsv.write(diff), SubprocessorListResource.CSV + "; charset=UTF-8").build();
        }
        return Response.ok(new DiffResponse(from, to, diff.counts(), diff.changes()), MediaType.APPLICATION_JSON).build();
    }

    private static void requireBoth(Integer from, Integer to) {
        if (from == null || to == null) {
            throw new InvalidInputException("give both versions to compare: ?from=1&to=2");
        }
    }
}
