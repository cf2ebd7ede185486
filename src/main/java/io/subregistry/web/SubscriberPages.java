package io.subregistry.web;

import io.subregistry.notice.SubscriptionService;
import io.subregistry.notice.SubscriptionView;
import io.subregistry.notice.objection.Objection;
import io.subregistry.notice.objection.ObjectionClosedException;
import io.subregistry.notice.objection.ObjectionForm;
import io.subregistry.notice.objection.ObjectionRequest;
import io.subregistry.notice.objection.ObjectionService;
import io.subregistry.platform.ReadableDates;
import io.subregistry.platform.RegistryConfig;
import io.subregistry.platform.error.ConflictException;
import io.subregistry.platform.error.InvalidInputException;
import io.subregistry.platform.i18n.Language;
import io.subregistry.platform.validation.PlainTextValidator;
import io.subregistry.registry.version.PublishedListService;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The pages behind the links in mails. A GET only ever shows a page (mail scanners follow
 * links); every change is a POST. The token in the address is the authorisation, so these
 * forms need no session or CSRF token, and RFC 8058 one-click unsubscribe works without cookies.
 */
@Path("/")
@PermitAll
@CsrfExempt
@Produces(MediaType.TEXT_HTML)
public class SubscriberPages {

    /** Where a link that no longer works leads: back to the subscribe form. */
    private static final HtmlResponses.Link SUBSCRIBE_AGAIN = new HtmlResponses.Link("/#subscribe", PageMessages::subscribeAgain);

    private final SubscriptionService subscriptions;
    private final ObjectionService objections;
    private final PublishedListService lists;
    private final RegistryConfig config;

    private final java.time.Clock clock;
    private final PageContexts contexts;

    public SubscriberPages(SubscriptionService subscriptions, ObjectionService objections, PublishedListService lists,
                           RegistryConfig config, java.time.Clock clock, PageContexts contexts) {
        this.clock = clock;
        this.contexts = contexts;
        this.subscriptions = subscriptions;
        this.objections = objections;
        this.lists = lists;
        this.config = config;
    }

    /** Checks the link before offering the button: a link that cannot work says so at once, with the way back. */
    @GET
    @Path("subscription/confirm/{token}")
    public Response confirmPage(@PathParam("token") String token) {
        PageContext site = contexts.current();
        return HtmlResponses.attempt(site, site.msg().confirmationFailed(), SUBSCRIBE_AGAIN, () -> {
            SubscriptionView view = subscriptions.checkConfirmation(token);
            return HtmlResponses.page(site, Pages.confirm(site, token, view.email()));
        });
    }

    @POST
    @Path("subscription/confirm/{token}")
    public Response confirm(@PathParam("token") String token) {
        PageContext site = contexts.current();
        PageMessages msg = site.msg();
        return HtmlResponses.attempt(site, msg.confirmationFailed(), SUBSCRIBE_AGAIN, () -> {
            SubscriptionView view = subscriptions.confirm(token);
            return HtmlResponses.page(site, Pages.message(site, Pages.Message.ok(msg.subscriptionConfirmed(),
                    msg.subscriptionConfirmedText(view.email())).withLink(site.link("/"), msg.seeTheCurrentList())));
        });
    }

    @GET
    @Path("unsubscribe/{token}")
    public Response unsubscribePage(@PathParam("token") String token) {
        PageContext site = contexts.current();
        return HtmlResponses.attempt(site, site.msg().unsubscribe(), SUBSCRIBE_AGAIN, () ->
                HtmlResponses.page(site, Pages.unsubscribe(site, token, subscriptions.manage(token).email())));
    }

    /** The RFC 8058 one-click target too: a POST with List-Unsubscribe=One-Click, answered 200 without a redirect. */
    @POST
    @Path("unsubscribe/{token}")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA, MediaType.TEXT_PLAIN, MediaType.WILDCARD})
    public Response unsubscribe(@PathParam("token") String token) {
        PageContext site = contexts.current();
        PageMessages msg = site.msg();
        return HtmlResponses.attempt(site, msg.unsubscribeFailed(), SUBSCRIBE_AGAIN, () -> {
            SubscriptionView view = subscriptions.unsubscribe(token);
            return HtmlResponses.page(site, Pages.message(site, Pages.Message.ok(msg.unsubscribed(),
                    msg.unsubscribedText(view.email()))));
        });
    }

    @GET
    @Path("subscription/{token}")
    public Response managePage(@PathParam("token") String token) {
        PageContext site = contexts.current();
        return HtmlResponses.attempt(site, site.msg().yourSubscription(), SUBSCRIBE_AGAIN,
                () -> manage(site, token, subscriptions.manage(token), false));
    }

    @POST
    @Path("subscription/{token}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("token") String token, @FormParam("sections") List<String> sections,
                           @FormParam("organisation") String organisation, @FormParam("language") String language) {
        PageContext site = contexts.current();
        return HtmlResponses.attempt(site, site.msg().yourSubscription(), SUBSCRIBE_AGAIN, () -> {
            String org = organisation == null || organisation.isBlank() ? null : organisation.strip();
            if (org != null && (org.length() > 200 || !PlainTextValidator.isPlain(org, false))) {
                throw new InvalidInputException("the organisation must be one line of at most 200 characters");
            }
            // the form offers the three languages; anything else is a forged or stale form
            Language chosen = language == null || language.isBlank() ? null : Language.ofTag(language)
                    .orElseThrow(() -> new InvalidInputException("the language must be one of en, de, fr"));
            return manage(site, token, subscriptions.update(token, sections, org, chosen), true);
        });
    }

    @GET
    @Path("objection/{token}")
    public Response objectionPage(@PathParam("token") String token) {
        PageContext site = contexts.current();
        return HtmlResponses.attempt(site, site.msg().objection(), SUBSCRIBE_AGAIN,
                () -> objectionForm(site, 200, token, ObjectionEntry.EMPTY));
    }

    @POST
    @Path("objection/{token}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response object(@PathParam("token") String token, @FormParam("subprocessorIds") List<String> ids,
                           @FormParam("reason") String reason) {
        PageContext site = contexts.current();
        PageMessages msg = site.msg();
        return HtmlResponses.attempt(site, msg.objectionNotRecorded(), SUBSCRIBE_AGAIN, () -> {
            String typed = reason == null ? "" : reason.strip();
            List<String> chosen = ids == null ? List.of() : ids;
            Map<String, String> errors = new LinkedHashMap<>();
            if (chosen.isEmpty()) {
                errors.put("subprocessorIds", msg.tickOneSubprocessor());
            }
            if (typed.isEmpty()) {
                errors.put("reason", msg.sayWhy());
            } else if (typed.length() > 5000) {
                errors.put("reason", msg.reasonTooLong());
            } else if (!PlainTextValidator.isPlain(typed, true)) {
                errors.put("reason", msg.reasonNotPlain());
            }
            if (!errors.isEmpty()) {
                // back to the filled-in form, the problems beside their fields and in a summary at the top
                return objectionForm(site, 422, token, new ObjectionEntry(chosen, typed, errors));
            }
            try {
                objections.object(token, new ObjectionRequest(parseIds(chosen), typed));
            } catch (ObjectionClosedException closed) {
                // closed since the form was shown: the form again, saying why in the reader's words
                return objectionForm(site, 422, token, new ObjectionEntry(chosen, typed, Map.of()));
            } catch (ConflictException alreadyObjected) {
                // sent twice (another tab, a second click): the form again, showing the objection on record
                return objectionForm(site, 409, token, new ObjectionEntry(chosen, typed, Map.of()));
            }
            return HtmlResponses.page(site, Pages.message(site, Pages.Message.ok(msg.objectionRecorded(), msg.objectionRecordedText())
                    .withLink(site.link("/objection/" + token), msg.seeYourObjection())));
        });
    }

    /** What was typed into the objection form, and what was wrong with it. */
    public record ObjectionEntry(List<String> chosen, String reason, Map<String, String> errors) {
        static final ObjectionEntry EMPTY = new ObjectionEntry(List.of(), "", Map.of());

        public boolean isChosen(Object id) {
            return chosen.contains(String.valueOf(id));
        }

        public boolean hasError(String field) {
            return errors.containsKey(field);
        }

        public String errorOf(String field) {
            return errors.get(field);
        }
    }

    private Response objectionForm(PageContext site, int status, String token, ObjectionEntry entry) {
        ObjectionForm form = objections.form(token);
        // An emergency is in effect already while objections stay open: the page says so.
        boolean inEffect = !form.effectiveAt().isAfter(java.time.Instant.now(clock));
        return HtmlResponses.page(site, status, Pages.objection(site, token, form, date(form.effectiveAt()), inEffect,
                date(form.deadline()), entry,
                form.existing() == null || form.existing().outcome() == null ? null
                        : outcomeWords(form.existing().outcome(), site.msg()),
                form.closedReason() == null ? null : closedWords(form, site)));
    }

    /** Why no objection can be recorded, in the page's language (the form's closedBecause is English). */
    private String closedWords(ObjectionForm form, PageContext site) {
        PageMessages msg = site.msg();
        return switch (form.closedReason()) {
            case WITHDRAWN -> msg.closedWithdrawn(form.version());
            case DEADLINE_PASSED -> msg.closedDeadlinePassed(form.version(), ReadableDates.readable(date(form.deadline()), site.lang()));
            case SUBSCRIPTION_ENDED -> msg.closedSubscriptionEnded();
            case NOTHING_ADDED -> msg.closedNothingAdded(form.version());
            case YOU_OBJECTED -> msg.closedYouObjected(ReadableDates.readable(date(form.existing().receivedAt()), site.lang()));
            case ORGANISATION_OBJECTED -> msg.closedOrganisationObjected(
                    ReadableDates.readable(date(form.existing().receivedAt()), site.lang()));
        };
    }

    /** An outcome as the subscriber reads it, in the page's language. */
    private static String outcomeWords(Objection.Outcome outcome, PageMessages msg) {
        return switch (outcome) {
            case UPHELD -> msg.outcomeUpheld();
            case REJECTED -> msg.outcomeRejected();
            case WITHDRAWN -> msg.outcomeWithdrawn();
        };
    }

    private Response manage(PageContext site, String token, SubscriptionView view, boolean saved) {
        List<String> followed = view.sections() == null ? List.of() : view.sections();
        List<Pages.SectionChoice> sections = lists.current().list() == null ? List.of()
                : lists.current().list().sections().stream()
                .map(section -> new Pages.SectionChoice(section.key(), section.title(), followed.contains(section.key())))
                .toList();
        // never chosen (subscribed through the API without one): the brand's binding language, as the mails fall back to
        Language mailLanguage = Language.ofTag(view.language())
                .orElse(Language.ofTagOr(site.brand().bindingLanguage(), Language.DEFAULT));
        return HtmlResponses.page(site, Pages.manage(site, token, view, sections, mailLanguage, saved));
    }

    private static List<UUID> parseIds(List<String> ids) {
        if (ids == null) {
            return List.of();
        }
        try {
            return ids.stream().map(UUID::fromString).collect(Collectors.toList());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("the form named an unknown sub-processor");
        }
    }

    private LocalDate date(Instant instant) {
        return LocalDate.ofInstant(instant, config.zone());
    }
}
