package io.subregistry.audit.rest;

import io.subregistry.audit.AuditAction;
import io.subregistry.audit.AuditLine;
import io.subregistry.audit.AuditLog;
import io.subregistry.platform.error.InvalidInputException;
import io.subregistry.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

/** The append-only record of who did what. */
@Path("/api/v1/audit-log")
@RolesAllowed({Roles.AUDITOR, Roles.LEGAL, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit")
public class AuditLogResource {

    private final AuditLog log;

    public AuditLogResource(AuditLog log) {
        this.log = log;
    }

    /** A page of lines, newest first; {@code nextBefore} fetches the next (older) page. */
    public record AuditPage(List<AuditLine> events, Long nextBefore) {
    }

    @GET
    @Operation(summary = "Audit lines newest first, optionally filtered by actor, action and time; paged with `before`")
    public AuditPage list(@QueryParam("before") Long before, @QueryParam("since") String since,
                          @QueryParam("actor") String actor, @QueryParam("action") String action,
                          @QueryParam("limit") @DefaultValue("100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw new InvalidInputException("limit must be between 1 and 1000");
        }
        List<AuditLine> lines = log.newestFirst(before, instant(since), actor, action(action), limit);
        return new AuditPage(lines, lines.size() == limit ? lines.get(lines.size() - 1).id() : null);
    }

    private static Instant instant(String since) {
        if (since == null || since.isBlank()) {
            return null;
        }
        try {
            return since.length() == 10 ? LocalDate.parse(since).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : OffsetDateTime.parse(since).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("since must be a date (YYYY-MM-DD) or an instant");
        }
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
