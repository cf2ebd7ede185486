package io.subregistry.web.console;

import io.subregistry.audit.AuditAction;
import io.subregistry.audit.AuditLine;
import io.subregistry.audit.AuditLog;
import io.subregistry.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Arrays;
import java.util.List;

/** The audit log, read-only, for auditors (and legal staff and admins). */
@Path("/console/audit")
@RolesAllowed({Roles.AUDITOR, Roles.LEGAL, Roles.ADMIN})
@Produces(MediaType.TEXT_HTML)
public class ConsoleAuditResource {

    private static final int PAGE = 100;

    private final AuditLog log;
    private final Console console;

    public ConsoleAuditResource(AuditLog log, Console console) {
        this.log = log;
        this.console = console;
    }

    @GET
    public Response audit(@QueryParam("before") Long before, @QueryParam("actor") String actor,
                          @QueryParam("action") String action) {
        AuditAction chosen = Arrays.stream(AuditAction.values()).filter(a -> a.name().equals(action)).findFirst().orElse(null);
        String who = actor == null || actor.isBlank() ? null : actor.strip();
        List<AuditLine> lines = log.newestFirst(before, null, who, chosen, PAGE);
        Long next = lines.size() == PAGE ? lines.get(lines.size() - 1).id() : null;
        return console.page(ConsolePages.audit(console.frame(null), lines, next, who == null ? "" : who,
                chosen == null ? "" : chosen.name(), Arrays.stream(AuditAction.values()).map(Enum::name).toList()));
    }
}
