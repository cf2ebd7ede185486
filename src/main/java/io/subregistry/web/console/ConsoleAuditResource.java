package io.subregistry.web.console;

import io.subregistry.audit.AuditAction;
import io.subregistry.audit.AuditLine;
import io.subregistry.audit.AuditLog;
import io.subregistry.audit.AuditSentences;
import io.subregistry.web.SectionTitles;
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
import java.util.Map;

/** The audit log, read-only, for auditors (and legal staff and admins). */
@Path("/console/audit")
@RolesAllowed({Roles.AUDITOR, Roles.LEGAL, Roles.ADMIN})
@Produces(MediaType.TEXT_HTML)
public class ConsoleAuditResource {

    private static final int PAGE = 100;

    private final AuditLog log;
    private final SectionTitles titles;
    private final Console console;

    public ConsoleAuditResource(AuditLog log, SectionTitles titles, Console console) {
        this.log = log;
        this.titles = titles;
        this.console = console;
    }

    @GET
    public Response audit(@QueryParam("before") Long before, @QueryParam("actor") String actor,
                          @QueryParam("action") String action) {
        AuditAction chosen = Arrays.stream(AuditAction.values()).filter(a -> a.name().equals(action)).findFirst().orElse(null);
        String who = actor == null || actor.isBlank() ? null : actor.strip();
        List<AuditLine> lines = log.newestFirst(before, null, who, chosen, PAGE);
        Long next = lines.size() == PAGE ? lines.get(lines.size() - 1).id() : null;
        Map<String, String> sectionTitles = titles.published();
        List<ConsolePages.AuditRow> rows = lines.stream().map(line -> new ConsolePages.AuditRow(line,
                AuditSentences.action(line.action()), AuditSentences.of(line, sectionTitles),
                line.target() != null && line.target().matches("[0-9a-f-]{36}") ? null : line.target())).toList();
        return console.page(ConsolePages.audit(console.frame(null), rows, next, who == null ? "" : who,
                chosen == null ? "" : chosen.name(), Arrays.stream(AuditAction.values()).map(Enum::name).toList()));
    }
}
