package io.subregistry.web.console;

import io.quarkus.security.Authenticated;
import io.subregistry.diff.ChangeLines;
import io.subregistry.notice.NoticeEvidence;
import io.subregistry.notice.objection.Objection;
import io.subregistry.notice.objection.ObjectionService;
import io.subregistry.notice.objection.ResolutionRequest;
import io.subregistry.platform.RegistryConfig;
import io.subregistry.platform.error.InvalidInputException;
import io.subregistry.platform.error.RegistryException;
import io.subregistry.registry.version.PublishService;
import io.subregistry.registry.version.RecordedChange;
import io.subregistry.registry.version.VersionHeader;
import io.subregistry.registry.version.VersionQueries;
import io.subregistry.security.Roles;
import io.subregistry.web.SectionTitles;
import io.subregistry.web.console.ConsolePages.VersionRow;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** The console's overview, versions with their delivery progress and objections. */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
public class ConsoleVersionsResource {

    private static final int SHOWN_RECORDS = 200;
    static final int REFRESH_SECONDS = 10;

    private final VersionQueries versions;
    private final NoticeEvidence evidence;
    private final ObjectionService objections;
    private final PublishService publisher;
    private final SectionTitles titles;
    private final Console console;
    private final RegistryConfig config;

    public ConsoleVersionsResource(VersionQueries versions, NoticeEvidence evidence,
                                   ObjectionService objections, PublishService publisher, SectionTitles titles,
                                   Console console, RegistryConfig config) {
        this.versions = versions;
        this.evidence = evidence;
        this.objections = objections;
        this.publisher = publisher;
        this.titles = titles;
        this.console = console;
        this.config = config;
    }

    @GET
    @Authenticated
    public Response home(@QueryParam("done") String done) {
        Frame frame = console.frame(done);
        int draftChanges = frame.isLegal() ? publisher.preview().diff().changes().size() : 0;
        List<VersionRow> upcoming = versions.upcoming().stream().map(this::row).toList();
        return console.page(ConsolePages.home(frame, draftChanges, upcoming));
    }

    @GET
    @Path("versions")
    @RolesAllowed({Roles.AUDITOR, Roles.LEGAL, Roles.ADMIN})
    public Response list(@QueryParam("done") String done) {
        List<VersionRow> rows = new ArrayList<>(versions.all().stream().map(this::row).toList());
        Collections.reverse(rows);
        return console.page(ConsolePages.versions(console.frame(done), rows));
    }

    @GET
    @Path("versions/{number}")
    @RolesAllowed({Roles.AUDITOR, Roles.LEGAL, Roles.ADMIN})
    public Response version(@PathParam("number") int number, @QueryParam("done") String done,
                            @QueryParam("updates") String updates) {
        boolean follow = !"off".equals(updates);
        Response page = versionPage(200, console.frame(done), number, follow);
        // While notices are on their way the page reloads itself, without script: an HTTP Refresh header (a
        // <meta refresh> in the page is an accessibility failure, WCAG 2.2.1); the page offers to stop it.
        return follow && sending(number) ? Response.fromResponse(page).header("Refresh", REFRESH_SECONDS).build() : page;
    }

    @POST
    @Path("versions/{number}/objections/{id}")
    @RolesAllowed(Roles.LEGAL)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response resolve(@PathParam("number") int number, @PathParam("id") String id,
                            @FormParam("outcome") String outcome,
                            @FormParam("note") String note) {
        try {
            Objection.Outcome chosen = Objection.Outcome.valueOf(outcome == null ? "" : outcome);
            if (note != null && note.length() > 5000) {
                throw new InvalidInputException("the note is longer than 5000 characters");
            }
            objections.resolve(UUID.fromString(id), new ResolutionRequest(chosen, note == null || note.isBlank() ? null : note),
                    console.user());
            return console.redirect("/console/versions/" + number, "resolved");
        } catch (IllegalArgumentException e) {
            return versionPage(400, console.frame(null).withFlash("Choose an outcome for the objection.", "bad"), number);
        } catch (RegistryException refused) {
            return versionPage(409, console.frame(null).withFlash(Forms.sentence(refused.detail()), "bad"), number);
        }
    }

    private boolean sending(int number) {
        return row(versions.require(number)).sending();
    }

    private Response versionPage(int status, Frame frame, int number) {
        return versionPage(status, frame, number, false);
    }

    private Response versionPage(int status, Frame frame, int number, boolean follow) {
        VersionHeader header = versions.require(number);
        NoticeEvidence.Report report = evidence.of(number);
        // A page shows the first records; the CSV export has every one.
        NoticeEvidence.Report shown = report.notices().size() <= SHOWN_RECORDS ? report
                : new NoticeEvidence.Report(report.version(), report.totals(), report.notices().subList(0, SHOWN_RECORDS));
        return console.page(status, ConsolePages.version(frame, row(header), follow, shown,
                objections.ofVersion(number),
                ChangeLines.of(versions.changesOf(number).stream().map(RecordedChange::change).toList(), titles.of(number))));
    }

    private VersionRow row(VersionHeader header) {
        Map<String, Long> delivery = new LinkedHashMap<>();
        NoticeEvidence.Outcome outcome = evidence.outcome(header.number());
        outcome.totals().forEach((status, count) -> delivery.put(status.name().toLowerCase(Locale.ROOT), count));
        long objected = outcome.objections();
        return new VersionRow(header.number(), versions.status(header).name().toLowerCase(Locale.ROOT),
                LocalDate.ofInstant(header.publishedAt(), config.zone()),
                LocalDate.ofInstant(header.effectiveAt(), config.zone()), header.summary(), delivery,
                objected);
    }

}
