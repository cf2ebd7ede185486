package io.subregistry.web;

import io.subregistry.notice.SubscriptionService;
import io.subregistry.notice.SubscriptionView;
import io.subregistry.notice.objection.ObjectionForm;
import io.subregistry.notice.objection.ObjectionRequest;
import io.subregistry.notice.objection.ObjectionService;
import io.subregistry.platform.RegistryConfig;
import io.subregistry.platform.error.InvalidInputException;
import io.subregistry.platform.validation.PlainTextValidator;
import io.subregistry.registry.version.PublishedListService;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Validator;
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
import java.util.List;
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

    private final SubscriptionService subscriptions;
    private final ObjectionService objections;
    private final PublishedListService lists;
    private final Validator validator;
    private final RegistryConfig config;

    public SubscriberPages(SubscriptionService subscriptions, ObjectionService objections, PublishedListService lists,
                           Validator validator, RegistryConfig config) {
        this.subscriptions = subscriptions;
        this.objections = objections;
        this.lists = lists;
        this.validator = validator;
        this.config = config;
    }

    @GET
    @Path("subscription/confirm/{token}")
    public Response confirmPage(@PathParam("token") String token) {
        return HtmlResponses.page(Pages.confirm(token));
    }

    @POST
    @Path("subscription/confirm/{token}")
    public Response confirm(@PathParam("token") String token) {
        return HtmlResponses.attempt("Confirmation failed", () -> {
            subscriptions.confirm(token);
            return HtmlResponses.page(Pages.message(Pages.Message.ok("Subscription confirmed",
                    "You will be told about changes to our sub-processors before they take effect. Every notice has"
                            + " links to choose sections or unsubscribe.").withLink("/", "See the current list")));
        });
    }

    @GET
    @Path("unsubscribe/{token}")
    public Response unsubscribePage(@PathParam("token") String token) {
        return HtmlResponses.attempt("Unsubscribe", () ->
                HtmlResponses.page(Pages.unsubscribe(token, subscriptions.manage(token).email())));
    }

    /** The RFC 8058 one-click target too: a POST with List-Unsubscribe=One-Click, answered 200 without a redirect. */
    @POST
    @Path("unsubscribe/{token}")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA, MediaType.TEXT_PLAIN, MediaType.WILDCARD})
    public Response unsubscribe(@PathParam("token") String token) {
        return HtmlResponses.attempt("Unsubscribe failed", () -> {
            SubscriptionView view = subscriptions.unsubscribe(token);
            return HtmlResponses.page(Pages.message(Pages.Message.ok("You are unsubscribed",
                    view.email() + " will receive no more notices about our sub-processors.")));
        });
    }

    @GET
    @Path("subscription/{token}")
    public Response managePage(@PathParam("token") String token) {
        return HtmlResponses.attempt("Your subscription", () -> manage(token, subscriptions.manage(token), false));
    }

    @POST
    @Path("subscription/{token}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("token") String token, @FormParam("sections") List<String> sections,
                           @FormParam("organisation") String organisation) {
        return HtmlResponses.attempt("Your subscription", () -> {
            String org = organisation == null || organisation.isBlank() ? null : organisation.strip();
            if (org != null && (org.length() > 200 || !PlainTextValidator.isPlain(org, false))) {
                throw new InvalidInputException("the organisation must be one line of at most 200 characters");
            }
            return manage(token, subscriptions.update(token, sections, org), true);
        });
    }

    @GET
    @Path("objection/{token}")
    public Response objectionPage(@PathParam("token") String token) {
        return HtmlResponses.attempt("Objection", () -> objectionForm(token));
    }

    @POST
    @Path("objection/{token}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response object(@PathParam("token") String token, @FormParam("subprocessorIds") List<String> ids,
                           @FormParam("reason") String reason) {
        return HtmlResponses.attempt("Objection not recorded", () -> {
            ObjectionRequest request = new ObjectionRequest(parseIds(ids), reason == null ? null : reason.strip());
            List<String> problems = validator.validate(request).stream()
                    .map(violation -> violation.getPropertyPath() + " " + violation.getMessage()).sorted().toList();
            if (!problems.isEmpty()) {
                throw new InvalidInputException("choose at least one sub-processor and give a reason ("
                        + String.join("; ", problems) + ")");
            }
            objections.object(token, request);
            return HtmlResponses.page(Pages.message(Pages.Message.ok("Objection recorded",
                    "Thank you. Our legal team will review your objection and answer you before the change takes effect.")));
        });
    }

    private Response objectionForm(String token) {
        ObjectionForm form = objections.form(token);
        return HtmlResponses.page(Pages.objection(token, form, date(form.effectiveAt()), date(form.deadline())));
    }

    private Response manage(String token, SubscriptionView view, boolean saved) {
        List<String> followed = view.sections() == null ? List.of() : view.sections();
        List<Pages.SectionChoice> sections = lists.current().list() == null ? List.of()
                : lists.current().list().sections().stream()
                .map(section -> new Pages.SectionChoice(section.key(), section.title(), followed.contains(section.key())))
                .toList();
        return HtmlResponses.page(Pages.manage(token, view, sections, saved));
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
