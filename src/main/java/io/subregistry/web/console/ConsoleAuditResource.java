package io.subregistry.web.console;

import io.subregistry.audit.AuditAction;
import io.subregistry.audit.AuditFilters;
import io.subregistry.audit.AuditLine;
import io.subregistry.audit.AuditLog;
import io.subregistry.audit.AuditQuery;
import io.subregistry.audit.AuditSentences;
import io.subregistry.platform.error.InvalidInputException;
import io.subregistry.security.Roles;
import io.subregistry.web.SectionTitles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The audit log, read-only, for auditors (and legal staff and admins): filters, pages and its CSV file. */
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

    /** The filters as typed, and the query they make. */
    private record Filters(Map<String, String> typed, AuditQuery query) {

        /** The filters as a query string, for the next page and the CSV link (already escaped for a URL). */
        String queryString() {
            return typed.entrySet().stream().filter(entry -> !entry.getValue().isEmpty())
                    .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
        }
    }

    @GET
    public Response audit(@QueryParam("before") Long before, @QueryParam("actor") String actor,
                          @QueryParam("action") String action, @QueryParam("from") String from,
                          @QueryParam("to") String to) {
        Filters filters;
        try {
            filters = filters(before, actor, action, from, to);
        } catch (InvalidInputException wrong) {
            Map<String, String> typed = typed(actor, action, from, to);
            return page(400, typed, List.of(), null, "", Forms.sentence(wrong.detail()));
        }
        List<AuditLine> lines = log.newestFirst(filters.query(), PAGE);
        Long next = lines.size() == PAGE ? lines.get(lines.size() - 1).id() : null;
        return page(200, filters.typed(), lines, next, filters.queryString(), null);
    }

    /** Every line the filters select, as the API's CSV (see {@link Downloads}). */
    @GET
    @Path("export.csv")
    @Produces("text/csv")
    public Response csv(@QueryParam("actor") String actor, @QueryParam("action") String action,
                        @QueryParam("from") String from, @QueryParam("to") String to) {
        return Downloads.csv("audit-log.csv", log.csv(filters(null, actor, action, from, to).query()));
    }

    private Response page(int status, Map<String, String> typed, List<AuditLine> lines, Long next, String query, String error) {
        Frame frame = console.frame(null);
        Map<String, String> sectionTitles = titles.published();
        List<ConsolePages.AuditRow> rows = lines.stream().map(line -> new ConsolePages.AuditRow(line,
                AuditSentences.action(line.action()), AuditSentences.of(line, sectionTitles),
                line.target() != null && line.target().matches("[0-9a-f-]{36}") ? null : line.target())).toList();
        return console.page(status, ConsolePages.audit(error == null ? frame : frame.withFlash(error, "bad"), rows, next,
                typed, query, Arrays.stream(AuditAction.values()).map(Enum::name).toList()));
    }

    private static Filters filters(Long before, String actor, String action, String from, String to) {
        AuditAction chosen = action == null || action.isBlank() ? null : Arrays.stream(AuditAction.values())
                .filter(a -> a.name().equals(action.strip())).findFirst()
                .orElseThrow(() -> new InvalidInputException("there is no action " + action.strip()));
        String who = actor == null || actor.isBlank() ? null : actor.strip();
        return new Filters(typed(actor, action, from, to), new AuditQuery(before, AuditFilters.start("from", from),
                AuditFilters.end("to", to), who, chosen));
    }

    private static Map<String, String> typed(String actor, String action, String from, String to) {
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("actor", Forms.shown(actor).strip());
        typed.put("action", Forms.shown(action).strip());
        typed.put("from", Forms.shown(from).strip());
        typed.put("to", Forms.shown(to).strip());
        return typed;
    }
}
