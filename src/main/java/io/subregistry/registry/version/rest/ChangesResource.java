package io.subregistry.registry.version.rest;

import io.subregistry.diff.FieldChange;
import io.subregistry.platform.MediaNegotiation;
import io.subregistry.platform.RegistryConfig;
import io.subregistry.platform.csv.CsvWriter;
import io.subregistry.platform.error.InvalidInputException;
import io.subregistry.registry.version.VersionQueries;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
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
import java.util.List;

/** Change events across versions, for clients that poll for what is new. */
@Path("/api/v1/changes")
@PermitAll
@Tag(name = "Published list and history")
public class ChangesResource {

    private static final MediaType CSV = MediaType.valueOf("text/csv");

    static final int MAX_LIMIT = 10_000;

    private final VersionQueries versions;
    private final RegistryConfig config;

    public ChangesResource(VersionQueries versions, RegistryConfig config) {
        this.versions = versions;
        this.config = config;
    }

    /** A page of change events; {@code nextAfter} continues where this page ends. */
    public record ChangesPage(List<ChangeResponse> changes, Long nextAfter) {
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @Operation(summary = "Change events of versions published since a date or instant, oldest first, paged by event id",
            description = "`Accept: text/csv` or `?format=csv`: the same page as CSV, a row per changed field.")
    public Response changes(@QueryParam("since") String since,
                            @QueryParam("after") @DefaultValue("0") long after,
                            @QueryParam("limit") @DefaultValue("1000") int limit,
                            @Parameter(description = "json or csv: overrides Accept, for links") @QueryParam("format") String format,
                            @Context HttpHeaders headers) {
        MediaType type = MediaNegotiation.choose(headers, format, MediaType.APPLICATION_JSON_TYPE, CSV);
        ChangesPage page = page(since, after, limit);
        if (type.equals(CSV)) {
            return Response.ok(csv(page.changes()), "text/csv; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"changes.csv\"").build();
        }
        return Response.ok(page, MediaType.APPLICATION_JSON).build();
    }

    /** A row per changed field (one for a change without fields), as the diff's CSV. */
    static String csv(List<ChangeResponse> changes) {
        CsvWriter csv = new CsvWriter().row("id", "version", "publishedAt", "effectiveAt", "type", "subprocessorId", "name",
                "section", "fromSection", "field", "before", "after");
        for (ChangeResponse change : changes) {
            List<FieldChange> fields = change.fields() == null || change.fields().isEmpty()
                    ? java.util.Collections.singletonList(null) : change.fields();
            for (FieldChange field : fields) {
                csv.row(change.id(), change.version(), change.publishedAt(), change.effectiveAt(), change.type(),
                        change.subprocessorId(), change.name(), change.section(), change.fromSection(),
                        field == null ? null : field.field(), field == null ? null : field.before(),
                        field == null ? null : field.after());
            }
        }
        return csv.toString();
    }

    private ChangesPage page(String since, long after, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("limit must be between 1 and " + MAX_LIMIT);
        }
        Instant from = since == null || since.isBlank() ? Instant.EPOCH : Moments.startOf("since", since, config.zone());
        List<ChangeResponse> page = versions.changesSince(from, after, limit).stream().map(ChangeResponse::of).toList();
        Long next = page.size() == limit ? page.get(page.size() - 1).id() : null;
        return new ChangesPage(page, next);
    }
}
