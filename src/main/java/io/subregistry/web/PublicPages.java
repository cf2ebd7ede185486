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
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

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
    private final PageContexts contexts;
    /** The prepared "/" per language and whether the reader chose it (their links then carry ?lang=). */
    private final Map<PreparedPage.Key, PreparedPage> index = new ConcurrentHashMap<>();

    public PublicPages(PublishedListService lists, VersionQueries versions, SectionTitles titles, SubscriptionService subscriptions,
                       SubscribeRateLimiter limiter, Validator validator, CsrfToken csrf, RegistryConfig config,
                       PageContexts contexts) {
        this.contexts = contexts;
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
        // the reader's language from the request now; the brand from the cache, or read on the worker
        PageContexts.Reader reader = contexts.reader();
        if (!"subscribed".equals(done)) {
            Optional<PageContext> site = contexts.brandIfLoaded().map(reader::with);
            Optional<VersionQueries.Moment> moment = versions.momentIfLoaded();
            PreparedPage prepared = site.map(known -> index.get(PreparedPage.Key.of(known))).orElse(null);
            if (prepared != null && moment.isPresent() && prepared.isFor(moment.get(), site.get().brand())) {
                return Uni.createFrom().item(HtmlResponses.page(site.get(), 200, prepared.with(token)));
            }
        }
        return Uni.createFrom().item(() -> QuarkusTransaction.joiningExisting().call(() -> {
                    PageContext site = reader.with(contexts.brand());
                    return "subscribed".equals(done)
                            ? listPage(site.at("/"), 200, SubscribeForm.thanked(site.msg()), token)
                            : HtmlResponses.page(site, 200, preparedIndex(site).with(token));
                }))
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
                              @FormParam("sections") List<String> sections, @FormParam("language") String language,
                              @Context HttpServerRequest http) {
        // the refused form is shown on the list's page: its language links lead there
        PageContext site = contexts.current().at("/");
        SubscriptionRequest request = new SubscriptionRequest(email, organisation, sections,
                language == null || language.isBlank() ? site.lang().tag() : language);
        Map<String, String> errors = new LinkedHashMap<>();
        validator.validate(request).stream()
                .sorted(java.util.Comparator.comparing(violation -> violation.getPropertyPath().toString()))
                .forEach(violation -> {
                    String field = violation.getPropertyPath().toString().replaceAll("[\\[.].*", "");
                    errors.putIfAbsent(field, SubscribeForm.problem(field, site.msg()));
                });
        SubscribeForm typed = new SubscribeForm(email, organisation, sections == null ? List.of() : sections, language, errors,
                null, null);
        if (!errors.isEmpty()) {
            return listPage(site, 422, typed);
        }
        try {
            limiter.check(ClientAddress.of(http));
            subscriptions.subscribe(request);
        } catch (RegistryException refused) {
            boolean limited = refused instanceof TooManyRequestsException;
            Response page = listPage(site, limited ? 429 : 422, typed.refused(limited
                    ? site.msg().tooManySubscribeRequests()
                    : HtmlText.refusal(site, 422, refused.detail())));
            return limited ? Response.fromResponse(page)
                    .header("Retry-After", ((TooManyRequestsException) refused).retryAfterSeconds()).build() : page;
        }
        return Response.seeOther(URI.create("/?done=subscribed" + site.amp())).build();
    }

    /** The header's "API" link: a short page for people, with Swagger behind it. */
    @GET
    @Path("about-the-api")
    public Response aboutTheApi() {
        PageContext site = contexts.current();
        return HtmlResponses.page(site, Pages.api(site));
    }

    @GET
    @Path("history")
    public Response history() {
        PageContext site = contexts.current();
        List<PageViews.HistoryRow> rows = newestFirst(versions.all()).stream().map(header -> {
            Map<ChangeType, Integer> counts = versions.counts(header.number());
            return new PageViews.HistoryRow(header.number(), previousOf(header), versions.status(header), date(header.publishedAt()),
                    date(header.effectiveAt()), header.summary(), PageViews.ChangeCounts.of(counts),
                    counts.values().stream().mapToInt(Integer::intValue).sum(), header.emergencyReason(),
                    header.isWithdrawn() ? header.withdrawal().reason() : null);
        }).toList();
        return HtmlResponses.page(site, Pages.history(site, rows));
    }

    @GET
    @Path("versions/{number}")
    public Response version(@PathParam("number") int number) {
        PageContext site = contexts.current();
        return HtmlResponses.attempt(site, site.msg().noSuchVersion(), () -> {
            VersionHeader header = versions.require(number);
            PublishedList list = lists.version(number);
            List<RecordedChange> changes = versions.changesOf(number);
            return HtmlResponses.page(site, Pages.version(site, new PageViews.VersionPage(number, versions.status(header),
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
        PageContext site = contexts.current();
        List<Integer> numbers = versions.all().stream().map(VersionHeader::number).toList();
        if (numbers.isEmpty()) {
            return HtmlResponses.page(site, Pages.diff(site, new PageViews.DiffPage(numbers, null, null, List.of(),
                    site.msg().nothingPublishedYet())));
        }
        Integer latest = numbers.get(numbers.size() - 1);
        Integer to = parse(toText, latest);
        Integer from = parse(fromText, Math.max(1, (to == null ? latest : to) - 1));
        if (from == null || to == null || !numbers.contains(from) || !numbers.contains(to)) {
            // a number that is not one is a malformed request; a well-formed one that was never published is not found
            return HtmlResponses.page(site, from == null || to == null ? 400 : 404, Pages.diff(site, new PageViews.DiffPage(numbers,
                    from, to, List.of(), site.msg().chooseTwoVersions(latest))));
        }
        Diff diff = versions.diff(from, to);
        return HtmlResponses.page(site, Pages.diff(site, new PageViews.DiffPage(numbers, from, to,
                ChangeLines.of(diff.changes(), titles.between(from, to)), null)));
    }

    /** An expired subscribe form shows the list again, with the form and a fresh token. */
    @ServerExceptionMapper
    public Response expired(ForgedFormException e) {
        PageContext site = contexts.current().at("/");
        return listPage(site, 403, SubscribeForm.EMPTY.refused(site.msg().formExpiredTryAgain()));
    }

    /**
     * The page as most requests get it (an empty form, no message), rendered once per list in
     * force and set of upcoming versions, which change only at a publish or an effective date,
     * per language (and whether the reader chose it) and per brand, which an admin may save at
     * any time. Only the form's CSRF token differs per browser: it is filled into the prepared bytes.
     */
    private PreparedPage preparedIndex(PageContext site) {
        VersionQueries.Moment moment = versions.moment();
        PreparedPage.Key key = PreparedPage.Key.of(site);
        PreparedPage prepared = index.get(key);
        if (prepared == null || !prepared.isFor(moment, site.brand())) {
            PublishedListService.Rendered current = lists.current();
            PageContext home = site.at("/");
            prepared = PreparedPage.of(moment, site.brand(), token -> home.apply(
                    listPageTemplate(home, current, moment.upcoming(), token, SubscribeForm.EMPTY)).render());
            index.put(key, prepared);
        }
        return prepared;
    }

    private Response listPage(PageContext site, int status, SubscribeForm form) {
        return listPage(site, status, form, csrf.value());
    }

    private Response listPage(PageContext site, int status, SubscribeForm form, String csrfToken) {
        return HtmlResponses.page(site, status, listPageTemplate(site, lists.current(), versions.upcoming(), csrfToken, form));
    }

    private TemplateInstance listPageTemplate(PageContext site, PublishedListService.Rendered current,
                                              List<VersionHeader> upcomingVersions, String csrfToken, SubscribeForm form) {
        PublishedList list = current.list();
        List<PageViews.Upcoming> upcoming = upcomingVersions.stream().map(header -> new PageViews.Upcoming(
                header.number(), previousOf(header), date(header.effectiveAt()), header.summary(), header.emergencyReason(),
                ChangeLines.of(versions.changesOf(header.number()).stream().map(RecordedChange::change).toList(),
                        titles.of(header.number())))).toList();
        List<PageViews.Choice> choices = list == null ? List.of() : list.sections().stream()
                .map(section -> new PageViews.Choice(section.key(), section.title(), form.sections().contains(section.key())))
                .toList();
        ListPage page = new ListPage(current.version(), list == null ? null : list.lastUpdated(),
                list == null ? List.of() : list.sections(), upcoming, csrfToken, form, choices);
        return Pages.index(site, page);
    }

    /** The version this one's changes are relative to (withdrawn versions are skipped). */
    private int previousOf(VersionHeader header) {
        return versions.standingBefore(header.number()).map(VersionHeader::number).orElse(header.number() - 1);
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
