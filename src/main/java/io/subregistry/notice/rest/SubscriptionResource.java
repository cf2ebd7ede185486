package io.subregistry.notice.rest;

import io.subregistry.notice.SubscribeRateLimiter;
import io.subregistry.notice.SubscriptionRequest;
import io.subregistry.notice.SubscriptionService;
import io.subregistry.notice.SubscriptionView;
import io.subregistry.platform.i18n.Language;
import io.subregistry.platform.validation.PlainText;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** Subscribing to change notices; every step after the first is authorised by a token from a mail. */
@Path("/api/v1/subscriptions")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Subscriptions")
public class SubscriptionResource {

    private final SubscriptionService subscriptions;
    private final SubscribeRateLimiter limiter;

    public SubscriptionResource(SubscriptionService subscriptions, SubscribeRateLimiter limiter) {
        this.subscriptions = subscriptions;
        this.limiter = limiter;
    }

    /** The one answer to every subscription request, whatever the address's state. */
    public record Accepted(String status, String detail) {
        static final Accepted ANSWER = new Accepted("accepted",
                "If this address can receive mail, a confirmation link is on its way. Nothing else is sent until it is confirmed.");
    }

    public record SubscriptionChange(
            @Size(max = 50) List<@Pattern(regexp = "[a-z0-9][a-z0-9-]{0,39}") String> sections,
            @Size(max = 200) @PlainText String organisation,
            @Pattern(regexp = "en|de|fr", message = "must be en, de or fr") String language) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ask for change notices: sends a confirmation mail (double opt-in); always 202")
    public Response subscribe(@NotNull @Valid SubscriptionRequest request, @Context HttpServerRequest http) {
        limiter.check(ClientAddress.of(http));
        subscriptions.subscribe(request);
        return Response.accepted(Accepted.ANSWER).build();
    }

    @POST
    @Path("confirmations/{token}")
    @Operation(summary = "Confirm a subscription with the token of the confirmation mail (single use, expires)")
    public SubscriptionView confirm(@PathParam("token") String token) {
        return subscriptions.confirm(token);
    }

    @GET
    @Path("{token}")
    @Operation(summary = "The subscription a manage link belongs to")
    public SubscriptionView get(@PathParam("token") String token) {
        return subscriptions.manage(token);
    }

    @PUT
    @Path("{token}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change the sections followed (empty or absent: all), the organisation and (if given) the mails' language")
    public SubscriptionView update(@PathParam("token") String token, @NotNull @Valid SubscriptionChange change) {
        return subscriptions.update(token, change.sections(), change.organisation() == null ? null : change.organisation().strip(),
                Language.ofTag(change.language()).orElse(null));
    }

    @POST
    @Path("{token}/unsubscribe")
    @Operation(summary = "Unsubscribe; notices not yet sent are cancelled")
    public SubscriptionView unsubscribe(@PathParam("token") String token) {
        return subscriptions.unsubscribe(token);
    }
}
