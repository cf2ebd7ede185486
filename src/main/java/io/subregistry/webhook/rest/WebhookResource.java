package io.subregistry.webhook.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.subregistry.security.Roles;
import io.subregistry.webhook.WebhookRegistration;
import io.subregistry.webhook.WebhookSecret;
import io.subregistry.webhook.WebhookService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Webhook endpoints: legal staff register and manage them, auditors read them and their deliveries. */
@Path("/api/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks")
public class WebhookResource {

    static final int RECENT_DELIVERIES = 50;

    private final WebhookService webhooks;
    private final SecurityIdentity identity;

    public WebhookResource(WebhookService webhooks, SecurityIdentity identity) {
        this.webhooks = webhooks;
        this.identity = identity;
    }

    @POST
    @RolesAllowed(Roles.LEGAL)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register an endpoint. The answer carries its secret (whsec_…) once; keep it to verify"
            + " signatures. 422 when the URL may not receive webhooks (not HTTPS, a private address, …)")
    public Response register(@NotNull @Valid WebhookRegistration request) {
        WebhookService.Registered registered = webhooks.register(request, actor());
        return Response.created(URI.create("/api/v1/webhooks/" + registered.endpoint().id))
                .entity(WebhookResponse.withSecret(registered.endpoint(), registered.secret().value())).build();
    }

    @GET
    @RolesAllowed({Roles.AUDITOR, Roles.LEGAL, Roles.ADMIN})
    @Operation(summary = "Every registered endpoint (deleted ones left out)")
    public List<WebhookResponse> list() {
        return webhooks.registered().stream().map(WebhookResponse::of).toList();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.AUDITOR, Roles.LEGAL, Roles.ADMIN})
    @Operation(summary = "One endpoint with its " + RECENT_DELIVERIES + " most recent deliveries and every attempt of them")
    public WebhookResponse get(@PathParam("id") UUID id) {
        WebhookService.History history = webhooks.history(id, RECENT_DELIVERIES);
        return WebhookResponse.withDeliveries(history.endpoint(), history.deliveries(), history.attempts());
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Roles.LEGAL)
    @Operation(summary = "Stop sending to an endpoint; its delivery records stay")
    public Response delete(@PathParam("id") UUID id) {
        webhooks.delete(id, actor());
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/test")
    @RolesAllowed(Roles.LEGAL)
    @Operation(summary = "Send a ping now and answer how it went (it is recorded like any delivery)")
    public WebhookService.TestResult test(@PathParam("id") UUID id) {
        return webhooks.test(id);
    }

    @POST
    @Path("{id}/rotate-secret")
    @RolesAllowed(Roles.LEGAL)
    @Operation(summary = "A new secret, shown once; the previous one keeps signing beside it for"
            + " registry.webhooks.previous-secret-grace (default 24h)")
    public Map<String, Object> rotateSecret(@PathParam("id") UUID id) {
        WebhookSecret secret = webhooks.rotateSecret(id, actor());
        return Map.of("id", id, "secret", secret.value());
    }

    @POST
    @Path("{id}/enable")
    @RolesAllowed(Roles.LEGAL)
    @Operation(summary = "Turn a disabled endpoint back on; its queued deliveries go out again")
    public WebhookResponse enable(@PathParam("id") UUID id) {
        return WebhookResponse.of(webhooks.enable(id, actor()));
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
