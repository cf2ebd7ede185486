package io.subregistry.audit.rest;

import io.subregistry.audit.AuditAction;
import io.subregistry.audit.AuditLine;
import io.subregistry.audit.AuditFilters;
import io.subregistry.audit.AuditLog;
import io.subregistry.audit.AuditQuery;
import io.subregistry.platform.MediaNegotiation;
import io.subregistry.platform.error.InvalidInputException;
import io.subregistry.security.Roles;
import jakarta.annotation.security.RolesAllowed;
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

import java.util.Arrays;
import java.util.List;

/** The append-only record of who did what. */
@Path("/api/v1/audit-log")
@RolesAllowed({Roles.AUDITOR, Roles.LEGAL, Roles.ADMIN})
@Tag(name = "Audit")
public class AuditLogResource {

    private static final MediaType CSV = MediaType.valueOf("text/csv");

    private final AuditLog log;

    public AuditLogResource(AuditLog log) {
        this.log = log;
    }

    /** A page of lines, newest first; {@code nextBefore} fetches the next (older) page. */
    public record AuditPage(List<AuditLine> events, Long nextBefore) {
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @Operation(summary = "Audit lines newest first, optionally filtered by actor, action and time; paged with `before`",
            description = "`since` and `until` take a date (YYYY-MM-DD, `until` includes that day) or an instant."
                    + " `Accept: text/csv` or `?format=csv`: every line the filters select (up to 100,000), not one page.")
    public Response list(@QueryParam("before") Long before, @QueryParam("since") String since,
                         @QueryParam("until") String until,
                         @QueryParam("actor") String actor, @QueryParam("action") String action,
                         @QueryParam("limit") @DefaultValue("100") int limit,
                         @Parameter(description = "json or csv: overrides Accept, for links") @QueryParam("format") String format,
                         @Context HttpHeaders headers) {
        if (limit < 1 || limit > 1000) {
            throw new InvalidInputException("limit must be between 1 and 1000");
        }
        MediaType type = MediaNegotiation.choose(headers, format, MediaType.APPLICATION_JSON_TYPE, CSV);
        AuditQuery filter = new AuditQuery(before, AuditFilters.start("since", since),
                AuditFilters.end("until", until), blankToNull(actor), action(action));
        if (type.equals(CSV)) {
            return Response.ok(log.csv(filter), "text/csv; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"audit-log.csv\"").build();
        }
        List<AuditLine> lines = log.newestFirst(filter, limit);
        return Response.ok(new AuditPage(lines, lines.size() == limit ? lines.get(lines.size() - 1).id() : null),
                MediaType.APPLICATION_JSON).build();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static AuditAction action(String action) {
        if (action == null || action.isBlank()) {
            return null;
        }
        try {
            return AuditAction.valueOf(action);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("unknown action; known: " + Arrays.toString(AuditAction.values()));
        }
    }
}
