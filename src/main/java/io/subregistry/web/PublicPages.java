package io.subregistry.web;

import io.subregistry.diff.ChangeLines;
import io.subregistry.diff.ChangeType;
import io.subregistry.diff.Diff;
import io.subregistry.notice.SubscribeRateLimiter;
import io.subregistry.notice.rest.ClientAddress;
import io.subregistry.notice.SubscriptionRequest;
import io.subregistry.notice.SubscriptionService;
import io.subregistry.platform.RegistryConfig;
import io.subregistry.platform.error.RegistryException;
import io.subregistry.platform.error.TooManyRequestsException;
import io.subregistry.registry.version.PublishedList;
import io.subregistry.registry.version.PublishedListService;
import io.subregistry.registry.version.RecordedChange;
import io.subregistry.registry.version.VersionHeader;
import io.subregistry.registry.version.VersionQueries;
import io.subregistry.web.PageViews.ListPage;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The public site: the list as the seed page shows it, its history, diffs between versions, subscribing. */
@Path("/")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class PublicPages {

    private final PublishedListService lists;
    private final VersionQueries versions;
    private final SectionTitles titles;
    private final SubscriptionService subscriptions;
    private final SubscribeRateLimiter limiter;
    private final Validator validator;
    private final CsrfToken csrf;
    private final RegistryConfig config;
    private volatile PreparedPage index;

    public PublicPages(PublishedListService lists, VersionQueries versions, SectionTitles titles, SubscriptionService subscriptions,
                       SubscribeRateLimiter limiter, Validator validator, CsrfToken csrf, RegistryConfig config) {
        this.lists = lists;
        this.versions = versions;
        this.titles = titles;
        this.subscriptions = subscriptions;
        this.limiter = limiter;
        this.validator = validator;
        this.csrf = csrf;
        this.config = config;
    }

    /** Answered on the event loop when the prepared page is at hand; rendering it first goes to a worker thread. */
    @GET
    public Uni<Response> index(@QueryParam("done") String done) {
        String token = csrf.value();
        if ("subscribed".equals(done)) {
            return Uni.createFrom().item(() -> QuarkusTransaction.joiningExisting().call(() -> listPage(200, SubscribeForm.thanked(), token)))
                    .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        }
        PreparedPage prepared = index;
        Optional<VersionQueries.Moment> moment = versions.momentIfLoaded();
        if (prepared != null && moment.isPresent() && prepared.isFor(moment.get())) {
            return Uni.createFrom().item(HtmlResponses.page(200, prepared.with(token)));
        }
        return Uni.createFrom().item(() -> QuarkusTransaction.joiningExisting().call(() -> HtmlResponses.page(200, preparedIndex().with(token))))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /**
     * Post/redirect/get: a request that went through leads back to the top of the list with the
     * thank-you there; a refused one shows the filled-in form again, the problems beside their
     * fields and in a summary at the top of the page.
     */
    @POST
    @Path("subscribe")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response subscribe(@FormParam("email") String email, @FormParam("organisation") String organisation,
                              @FormParam("sections") List<String> sections, @Context HttpServerRequest http) {
        SubscriptionRequest request = new SubscriptionRequest(email, organisation, sections);
        Map<String, String> errors = new LinkedHashMap<>();
        validator.validate(request).stream()
                .sorted(java.util.Comparator.comparing(violation -> violation.getPropertyPath().toString()))
                .forEach(violation -> {
                    String field = violation.getPropertyPath().toString().replaceAll("[\\[.].*", "");
                    errors.putIfAbsent(field, SubscribeForm.problem(field));
                });
        SubscribeForm typed = new SubscribeForm(email, organisation, sections == null ? List.of() : sections, errors, null, null);
        if (!errors.isEmpty()) {
            return listPage(422, typed);
        }
        try {
            limiter.check(ClientAddress.of(http));
            subscriptions.subscribe(request);
        } catch (RegistryException refused) {
            boolean limited = refused instanceof TooManyRequestsException;
            Response page = listPage(limited ? 429 : 422, typed.refused(limited
                    ? "Too many subscribe requests from your network just now. Please wait a few minutes and try again."
                    : HtmlText.sentence(refused.detail())));
            return limited ? Response.fromResponse(page)
                    .header("Retry-After", ((TooManyRequestsException) refused).retryAfterSeconds()).build() : page;
        }
        return Response.seeOther(URI.create("/?done=subscribed")).build();
    }

    /** The header's "API" link: a short page for people, with Swagger behind it. */
    @GET
    @Path("about-the-api")
    public Response aboutTheApi() {
        return HtmlResponses.page(Pages.api());
    }

    @GET
    @Path("history")
    public Response history() {
        List<PageViews.HistoryRow> rows = newestFirst(versions.all()).stream().map(header -> {
            Map<ChangeType, Integer> counts = versions.counts(header.number());
            Map<String, Integer> shown = new LinkedHashMap<>();
            shown.put("added", counts.get(ChangeType.ADDED));
            shown.put("removed", counts.get(ChangeType.REMOVED));
            shown.put("modified", counts.get(ChangeType.MODIFIED));
            shown.put("moved", counts.get(ChangeType.MOVED));
            int sectionChanges = counts.get(ChangeType.SECTION_ADDED) + counts.get(ChangeType.SECTION_MODIFIED)
                    + counts.get(ChangeType.SECTION_REMOVED);
            shown.put("section changes", sectionChanges);
            return new PageViews.HistoryRow(header.number(), previousOf(header), statusOf(header), date(header.publishedAt()),
                    date(header.effectiveAt()), header.summary(), shown,
                    counts.values().stream().mapToInt(Integer::intValue).sum(), header.emergencyReason(),
                    header.isWithdrawn() ? header.withdrawal().reason() : null);
        }).toList();
        return HtmlResponses.page(Pages.history(rows));
    }

    @GET
    @Path("versions/{number}")
    public Response version(@PathParam("number") int number) {
        return HtmlResponses.attempt("No such version", () -> {
            VersionHeader header = versions.require(number);
            PublishedList list = lists.version(number);
            List<RecordedChange> changes = versions.changesOf(number);
            return HtmlResponses.page(Pages.version(new PageViews.VersionPage(number, statusOf(header),
                    date(header.publishedAt()), date(header.effectiveAt()), header.summary(), header.publisher(),
                    header.emergencyReason(), header.hash(), header.previousHash(), list.sections(),
                    ChangeLines.of(changes.stream().map(RecordedChange::change).toList(), titles.of(number)),
                    number > 1 ? previousOf(header) : null,
                    header.isWithdrawn() ? date(header.withdrawal().at()) : null,
                    header.isWithdrawn() ? header.withdrawal().reason() : null)));
        });
    }

    @GET
    @Path("diff")
    public Response diff(@QueryParam("from") String fromText, @QueryParam("to") String toText) {
        List<Integer> numbers = versions.all().stream().map(VersionHeader::number).toList();
        if (numbers.isEmpty()) {
            return HtmlResponses.page(Pages.diff(new PageViews.DiffPage(numbers, null, null, List.of(), "Nothing has been published yet.")));
        }
        Integer latest = numbers.get(numbers.size() - 1);
        Integer to = parse(toText, latest);
        Integer from = parse(fromText, Math.max(1, (to == null ? latest : to) - 1));
        if (from == null || to == null || !numbers.contains(from) || !numbers.contains(to)) {
            // a number that is not one is a malformed request; a well-formed one that was never published is not found
            return HtmlResponses.page(from == null || to == null ? 400 : 404, Pages.diff(new PageViews.DiffPage(numbers, from, to, List.of(),
                    "Choose two published versions (1 to " + latest + ").")));
        }
        Diff diff = versions.diff(from, to);
        return HtmlResponses.page(Pages.diff(new PageViews.DiffPage(numbers, from, to,
                ChangeLines.of(diff.changes(), titles.between(from, to)), null)));
    }

    /** An expired subscribe form shows the list again, with the form and a fresh token. */
    @ServerExceptionMapper
    public Response expired(ForgedFormException e) {
        return listPage(403, SubscribeForm.EMPTY.refused("The form expired. Please try again."));
    }

    /**
     * The page as most requests get it (an empty form, no message), rendered once per list in
     * force and set of upcoming versions, which change only at a publish or an effective date.
     * Only the form's CSRF token differs per browser: it is filled into the prepared bytes.
     */
    private PreparedPage preparedIndex() {
        VersionQueries.Moment moment = versions.moment();
        PreparedPage prepared = index;
        if (prepared == null || !prepared.isFor(moment)) {
            PublishedListService.Rendered current = lists.current();
            prepared = PreparedPage.of(moment,
                    token -> listPageTemplate(current, moment.upcoming(), token, SubscribeForm.EMPTY).render());
            index = prepared;
        }
        return prepared;
    }

    private Response listPage(int status, SubscribeForm form) {
        return listPage(status, form, csrf.value());
    }

    private Response listPage(int status, SubscribeForm form, String csrfToken) {
        return HtmlResponses.page(status, listPageTemplate(lists.current(), versions.upcoming(), csrfToken, form));
    }

    private TemplateInstance listPageTemplate(PublishedListService.Rendered current, List<VersionHeader> upcomingVersions,
                                              String csrfToken, SubscribeForm form) {
        PublishedList list = current.list();
        List<PageViews.Upcoming> upcoming = upcomingVersions.stream().map(header -> new PageViews.Upcoming(
                header.number(), previousOf(header), date(header.effectiveAt()), header.summary(), header.emergencyReason(),
                ChangeLines.of(versions.changesOf(header.number()).stream().map(RecordedChange::change).toList(),
                        titles.of(header.number())))).toList();
        List<PageViews.Choice> choices = list == null ? List.of() : list.sections().stream()
                .map(section -> new PageViews.Choice(section.key(), section.title(), form.sections().contains(section.key())))
                .toList();
        ListPage page = new ListPage(current.version(), list == null ? null : list.lastUpdated(),
                list == null ? List.of() : list.sections(), upcoming, csrfToken, form, choices,
                config.legalPagesUrl().orElse(null));
        return Pages.index(page);
    }

    /** The version this one's changes are relative to (withdrawn versions are skipped). */
    private int previousOf(VersionHeader header) {
        return versions.standingBefore(header.number()).map(VersionHeader::number).orElse(header.number() - 1);
    }

    private String statusOf(VersionHeader header) {
        return versions.status(header).name().toLowerCase(Locale.ROOT);
    }

    private LocalDate date(Instant instant) {
        return LocalDate.ofInstant(instant, config.zone());
    }

    private static Integer parse(String text, Integer fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static List<VersionHeader> newestFirst(List<VersionHeader> headers) {
        List<VersionHeader> copy = new ArrayList<>(headers);
        Collections.reverse(copy);
        return copy;
    }
}
