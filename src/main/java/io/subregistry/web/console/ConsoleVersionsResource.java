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
import io.subregistry.platform.ReadableDates;
import io.subregistry.platform.error.HttpStatuses;
import io.subregistry.registry.version.ChainVerifier;
import io.subregistry.registry.version.PublishService;
import io.subregistry.registry.version.WithdrawalService;
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
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
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
    private final ChainVerifier verifier;
    private final WithdrawalService withdrawals;

    public ConsoleVersionsResource(VersionQueries versions, NoticeEvidence evidence,
                                   ObjectionService objections, PublishService publisher, SectionTitles titles,
                                   Console console, RegistryConfig config, ChainVerifier verifier,
                                   WithdrawalService withdrawals) {
        this.verifier = verifier;
        this.withdrawals = withdrawals;
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

    /** The evidence file of the version page, in the signed-in session (see {@link Downloads}). */
    @GET
    @Path("versions/{number}/notices.csv")
    @RolesAllowed({Roles.AUDITOR, Roles.LEGAL, Roles.ADMIN})
    @Produces("text/csv")
    public Response noticesCsv(@PathParam("number") int number) {
        return Downloads.csv("notices-version-" + number + ".csv", NoticeEvidence.csv(evidence.of(number)));
    }

    /** Recomputes the hash chain and checks every signature, and says what it found. */
    @GET
    @Path("verify")
    @RolesAllowed({Roles.AUDITOR, Roles.LEGAL, Roles.ADMIN})
    public Response verify() {
        ChainVerifier.Report report = verifier.verify();
        String checkedAt = ReadableDates.readable(LocalDate.ofInstant(report.checkedAt(), config.zone())) + ", "
                + LocalTime.ofInstant(report.checkedAt(), config.zone()).truncatedTo(ChronoUnit.SECONDS) + " "
                + config.zone().getId();
        String sentence = report.valid()
                ? (report.versionsChecked() == 0 ? "There is no published version to check yet."
                : "The history is intact: all " + report.versionsChecked() + " versions match their hashes, each is chained"
                + " to the one before it, and every signature verifies.")
                : "The history is broken at version " + report.firstBroken().version() + ": "
                + report.firstBroken().reason() + ". Versions before it are intact.";
        return console.page(ConsolePages.verify(console.frame(null), new ConsolePages.Verification(report.valid(), sentence,
                report.versionsChecked(), report.latestHash(), checkedAt)));
    }

    /** Withdraws an upcoming version (legal staff), with the reason subscribers will read. */
    @POST
    @Path("versions/{number}/withdrawal")
    @RolesAllowed(Roles.LEGAL)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response withdraw(@PathParam("number") int number, @FormParam("reason") String reason) {
        Map<String, String> values = Map.of("reason", reason == null ? "" : reason);
        if (reason == null || reason.isBlank() || reason.length() > 2000) {
            return versionPage(422, console.frame(null), number, ConsolePages.Form.invalid(values,
                    Map.of("reason", "Say why, in up to 2000 characters: subscribers who were told of the version read it.")));
        }
        try {
            withdrawals.withdraw(number, reason, console.user());
            return console.redirect("/console/versions/" + number, "withdrawn");
        } catch (RegistryException refused) {
            return versionPage(HttpStatuses.of(refused), console.frame(null), number, ConsolePages.Form.refused(values, refused));
        }
    }

    private boolean sending(int number) {
        return row(versions.require(number)).sending();
    }

    private Response versionPage(int status, Frame frame, int number) {
        return versionPage(status, frame, number, false, ConsolePages.Form.empty());
    }

    private Response versionPage(int status, Frame frame, int number, boolean follow) {
        return versionPage(status, frame, number, follow, ConsolePages.Form.empty());
    }

    private Response versionPage(int status, Frame frame, int number, ConsolePages.Form withdrawal) {
        return versionPage(status, frame, number, false, withdrawal);
    }

    private Response versionPage(int status, Frame frame, int number, boolean follow, ConsolePages.Form withdrawal) {
        VersionHeader header = versions.require(number);
        NoticeEvidence.Report report = evidence.of(number);
        // A page shows the first records; the CSV export has every one.
        NoticeEvidence.Report shown = report.notices().size() <= SHOWN_RECORDS ? report
                : new NoticeEvidence.Report(report.version(), report.totals(), report.notices().subList(0, SHOWN_RECORDS));
        return console.page(status, ConsolePages.version(frame, row(header), follow, shown,
                objections.ofVersion(number),
                ChangeLines.of(versions.changesOf(number).stream().map(RecordedChange::change).toList(), titles.of(number)),
                withdrawal));
    }

    private VersionRow row(VersionHeader header) {
        Map<String, Long> delivery = new LinkedHashMap<>();
        NoticeEvidence.Outcome outcome = evidence.outcome(header.number());
        outcome.totals().forEach((status, count) -> delivery.put(status.name().toLowerCase(Locale.ROOT), count));
        long objected = outcome.objections();
        return new VersionRow(header.number(), versions.status(header).name().toLowerCase(Locale.ROOT),
                LocalDate.ofInstant(header.publishedAt(), config.zone()),
                LocalDate.ofInstant(header.effectiveAt(), config.zone()), header.summary(), delivery,
                objected, header.emergencyReason(), LocalDate.ofInstant(header.objectionDeadline(), config.zone()),
                header.isWithdrawn() ? LocalDate.ofInstant(header.withdrawal().at(), config.zone()) : null,
                header.isWithdrawn() ? header.withdrawal().by() : null,
                header.isWithdrawn() ? header.withdrawal().reason() : null,
                withdrawals.refusal(header) == null);
    }

}
