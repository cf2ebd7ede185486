package io.subregistry.audit.rest;

import io.subregistry.audit.AuditAction;
import io.subregistry.audit.AuditEvent;
import io.subregistry.audit.AuditLogRepository;
import io.subregistry.platform.error.InvalidInputException;
import io.subregistry.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The append-only record of who did what. */
@Path("/api/v1/audit-log")
@RolesAllowed({Roles.AUDITOR, Roles.LEGAL, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit")
public class AuditLogResource {

    private final AuditLogRepository log;

    public AuditLogResource(AuditLogRepository log) {
        this.log = log;
    }

    /** One audit line. */
    public record AuditLine(long id, Instant at, String actor, String action, String target, Map<String, Object> details) {
        public static AuditLine of(AuditEvent event) {
            return new AuditLine(event.id, event.at, event.actor, event.action, event.target, event.details);
        }
    }

    /** A page of lines, newest first; {@code nextBefore} fetches the next (older) page. */
    public record AuditPage(List<AuditLine> events, Long nextBefore) {
    }

    @GET
    @Transactional
    @Operation(summary = "Audit lines newest first, optionally filtered by actor, action and time; paged with `before`")
    public AuditPage list(@QueryParam("before") Long before, @QueryParam("since") String since,
                          @QueryParam("actor") String actor, @QueryParam("action") String action,
                          @QueryParam("limit") @DefaultValue("100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw new InvalidInputException("limit must be between 1 and 1000");
        }
        List<AuditLine> lines = log.newestFirst(new AuditLogRepository.Filter(before, instant(since), actor, action(action)), limit)
                .stream().map(AuditLine::of).toList();
        return new AuditPage(lines, lines.size() == limit ? lines.get(lines.size() - 1).id() : null);
    }

    private static Instant instant(String since) {
        if (since == null || since.isBlank()) {
            return null;
        }
        try {
            return since.length() == 10 ? java.time.LocalDate.parse(since).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()
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
