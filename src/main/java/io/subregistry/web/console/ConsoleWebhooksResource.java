package io.subregistry.web.console;

import io.subregistry.platform.error.RegistryException;
import io.subregistry.security.Roles;
import io.subregistry.web.console.ConsolePages.Form;
import io.subregistry.webhook.WebhookSecret;
import io.subregistry.webhook.WebhookService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.UUID;
import java.util.function.Supplier;

/** Webhook endpoints in the console: their state and recent deliveries; legal staff register and manage them. */
@Path("/console/webhooks")
@Produces(MediaType.TEXT_HTML)
public class ConsoleWebhooksResource {

    static final int RECENT_DELIVERIES = 30;

    private final WebhookService webhooks;
    private final Console console;

    public ConsoleWebhooksResource(WebhookService webhooks, Console console) {
        this.webhooks = webhooks;
        this.console = console;
    }

    @GET
    @RolesAllowed({Roles.AUDITOR, Roles.LEGAL, Roles.ADMIN})
    public Response list(@QueryParam("done") String done) {
        return list(200, console.frame(done), Form.empty());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.AUDITOR, Roles.LEGAL, Roles.ADMIN})
    public Response endpoint(@PathParam("id") UUID id, @QueryParam("done") String done) {
        return endpoint(200, console.frame(done), id, null);
    }

    @POST
    @RolesAllowed(Roles.LEGAL)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response register(@BeanParam WebhookForm form) {
        return console.submit(form, registration -> {
            WebhookService.Registered registered = webhooks.register(registration, console.user());
            // Shown once, on this page: a redirect would have to carry the secret in a URL.
            return endpoint(201, console.frame(null).withFlash("Endpoint registered.", "ok"), registered.endpoint().id,
                    registered.secret());
        }, (status, shown) -> list(status, console.frame(null), shown));
    }

    @POST
    @Path("{id}/test")
    @RolesAllowed(Roles.LEGAL)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response test(@PathParam("id") UUID id) {
        return attempt(id, () -> {
            WebhookService.TestResult result = webhooks.test(id);
            String said = result.statusCode() == null ? result.error() : "it answered " + result.statusCode();
            return endpoint(200, console.frame(null).withFlash(result.delivered()
                    ? "The test ping was delivered: " + said + "."
                    : "The test ping was not accepted: " + said + ". It will be retried.", result.delivered() ? "ok" : "bad"), id, null);
        });
    }

    @POST
    @Path("{id}/rotate-secret")
    @RolesAllowed(Roles.LEGAL)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response rotate(@PathParam("id") UUID id) {
        return attempt(id, () -> {
            WebhookSecret secret = webhooks.rotateSecret(id, console.user());
            return endpoint(200, console.frame(null).withFlash("The secret was rotated.", "ok"), id, secret);
        });
    }

    @POST
    @Path("{id}/enable")
    @RolesAllowed(Roles.LEGAL)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response enable(@PathParam("id") UUID id) {
        return attempt(id, () -> {
            webhooks.enable(id, console.user());
            return console.redirect("/console/webhooks/" + id, "webhook-enabled");
        });
    }

    @POST
    @Path("{id}/delete")
    @RolesAllowed(Roles.LEGAL)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@PathParam("id") UUID id) {
        return attempt(id, () -> {
            webhooks.delete(id, console.user());
            return console.redirect("/console/webhooks", "webhook-deleted");
        });
    }

    private Response attempt(UUID id, Supplier<Response> action) {
        try {
            return action.get();
        } catch (RegistryException refused) {
            if (webhooks.find(id).isEmpty()) {
                return console.page(404, ConsolePages.message(console.frame(null), "No such endpoint",
                        "There is no webhook endpoint with this address. It may have been deleted."));
            }
            return endpoint(409, console.frame(null).withFlash(Forms.sentence(refused.detail()), "bad"), id, null);
        }
    }

    private Response list(int status, Frame frame, Form form) {
        return console.page(status, ConsolePages.webhooks(frame, webhooks.registered(), webhooks.countDisabled(), form));
    }

    private Response endpoint(int status, Frame frame, UUID id, WebhookSecret secret) {
        return webhooks.find(id)
                .map(found -> console.page(status, ConsolePages.webhook(frame, webhooks.history(id, RECENT_DELIVERIES),
                        secret == null ? null : secret.value())))
                .orElseGet(() -> console.page(404, ConsolePages.message(frame, "No such endpoint",
                        "There is no webhook endpoint with this address. It may have been deleted.")));
    }
}
