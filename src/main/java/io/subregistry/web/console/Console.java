package io.subregistry.web.console;

import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.subregistry.platform.error.HttpStatuses;
import io.subregistry.platform.error.RegistryException;
import io.subregistry.security.session.SessionCookie;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.subregistry.web.CsrfToken;
import io.subregistry.web.console.ConsolePages.Form;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The plumbing every console resource shares: the page frame, submitting forms, and answers
 * (a page, or a redirect after a successful POST so a reload never repeats it).
 */
@RequestScoped
public class Console {

    /** Fixed outcome messages, named in redirects (?done=…): no user data ever travels in a URL. */
    private static final Map<String, String> DONE = Map.ofEntries(
            Map.entry("added", "Sub-processor added to the draft."),
            Map.entry("saved", "Saved."),
            Map.entry("removed", "Removed from the draft."),
            Map.entry("section-added", "Section added."),
            Map.entry("section-saved", "Section saved."),
            Map.entry("section-removed", "Section removed."),
            Map.entry("imported", "File imported into the draft."),
            Map.entry("published", "Version published. Announcements are on their way."),
            Map.entry("resolved", "Resolution recorded."),
            Map.entry("withdrawn", "Version withdrawn. It will not take effect; withdrawal notices are on their way."),
            Map.entry("account-created", "Account created."),
            Map.entry("account-invited", "Account created and invited."),
            Map.entry("entry-restored", "Sub-processor restored to the draft."),
            Map.entry("account-saved", "Account updated."),
            Map.entry("customer-added", "Customer added. Its contacts are told by mail."),
            Map.entry("customer-saved", "Customer saved."),
            Map.entry("customer-archived", "Customer archived: it no longer binds publishes."),
            Map.entry("customers-imported", "Customers imported."),
            Map.entry("webhook-enabled", "The endpoint is enabled again; its queued deliveries go out now."),
            Map.entry("webhook-deleted", "The endpoint was deleted. Its delivery records are kept."),
            Map.entry("settings-saved", "Settings saved."),
            Map.entry("logo-saved", "Logo uploaded."),
            Map.entry("logo-removed", "Logo removed."));

    private final SecurityIdentity identity;
    private final CsrfToken csrf;
    private final Validator validator;

    private final CurrentVertxRequest request;

    public Console(SecurityIdentity identity, CsrfToken csrf, Validator validator, CurrentVertxRequest request) {
        this.identity = identity;
        this.csrf = csrf;
        this.validator = validator;
        this.request = request;
    }

    public String user() {
        return identity.getPrincipal().getName();
    }

    /** The token of the session this request is signed in with. */
    public String session() {
        return SessionCookie.tokenOf(identity);
    }

    public Frame frame(String done) {
        Frame frame = new Frame(user(), identity.getRoles(), csrf.value(), null, null,
                Frame.areaOf(request.getCurrent() == null ? "" : request.getCurrent().normalizedPath()));
        String message = done == null ? null : DONE.get(done);
        return message == null ? frame : frame.withFlash(message, "ok");
    }

    /** An outcome that names what it was about ("Account lena created."): the name is shown only if it is one. */
    public Frame frame(String done, String named) {
        Frame frame = frame(done);
        if (named == null || !named.matches(io.subregistry.security.NewAccount.USERNAME_PATTERN)) {
            return frame;
        }
        return switch (done == null ? "" : done) {
            case "account-created" -> frame.withFlash("Account " + named + " created. It can sign in now.", "ok");
            case "account-invited" -> frame.withFlash("Account " + named + " created. An invitation to set its password"
                    + " is on its way by mail; the link works once, for 72 hours.", "ok");
            case "account-saved" -> frame.withFlash("Account " + named + " updated.", "ok");
            default -> frame;
        };
    }

    public Response page(TemplateInstance page) {
        return page(200, page);
    }

    public Response page(int status, TemplateInstance page) {
        return Response.status(status).type(MediaType.valueOf("text/html;charset=UTF-8")).entity(page.render())
                .header("Cache-Control", "no-store")
                .build();
    }

    /** Shows a page with a form again: with errors and the status that says why. */
    @FunctionalInterface
    public interface FormPage {
        Response show(int status, Form form);
    }

    /**
     * Submits a form: checks its fields and the input they make, then runs the action, which
     * answers (with a redirect, so a reload never repeats it). Otherwise the page is shown again
     * with what was wrong: 422 for invalid fields, the refusal's own status when the action is refused.
     */
    public <I> Response submit(ConsoleForm<I> form, Function<I, Response> action, FormPage page) {
        try {
            I input = form.toInput();
            Set<ConstraintViolation<?>> violations = new HashSet<>(validator.validate(form));
            if (input != null) {
                violations.addAll(validator.validate(input));
            }
            if (!violations.isEmpty()) {
                return page.show(422, Form.invalid(form.values(), Forms.errors(violations)));
            }
            return action.apply(input);
        } catch (RegistryException refused) {
            return page.show(HttpStatuses.of(refused), form.refusal(refused));
        }
    }

    public Response redirect(String path, String done) {
        return Response.seeOther(URI.create(done == null ? path : path + (path.contains("?") ? "&" : "?") + "done=" + done))
                .build();
    }

    /** The answer to a form whose CSRF field did not match (see {@link io.subregistry.web.Csrf}). */
    public Response forgedForm() {
        return page(403, ConsolePages.message(frame(null), "The form expired",
                "This form was open too long or did not come from this site. Go back, reload the page and try again."));
    }
}
