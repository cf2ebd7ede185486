package io.subregistry.customer.rest;

import io.subregistry.customer.AcknowledgementView;
import io.subregistry.customer.ObligationService;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A contact acknowledges receipt of a notice with the token of its link; the token is the authorisation. */
@Path("/api/v1/acknowledgements/{token}")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Subscriptions")
public class AcknowledgementResource {

    private final ObligationService obligations;

    public AcknowledgementResource(ObligationService obligations) {
        this.obligations = obligations;
    }

    @GET
    @Operation(summary = "What the acknowledge link of a notice stands for, and the customer's objection deadline; changes nothing")
    public AcknowledgementView show(@PathParam("token") String token) {
        return obligations.acknowledgement(token);
    }

    @POST
    @Operation(summary = "Acknowledge receipt of the notice (the customer's first acknowledgement is recorded; repeating it changes nothing)")
    public AcknowledgementView acknowledge(@PathParam("token") String token) {
        return obligations.acknowledge(token);
    }
}
