package io.subregistry.notice.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.subregistry.notice.objection.ObjectionForm;
import io.subregistry.notice.objection.ObjectionRequest;
import io.subregistry.notice.objection.ObjectionService;
import io.subregistry.notice.objection.ObjectionView;
import io.subregistry.notice.objection.ResolutionRequest;
import io.subregistry.security.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** Objections: made by subscribers through a notice's link, resolved by legal staff. */
@Path("/api/v1/objections")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Objections")
public class ObjectionResource {

    private final ObjectionService objections;
    private final SecurityIdentity identity;

    public ObjectionResource(ObjectionService objections, SecurityIdentity identity) {
        this.objections = objections;
        this.identity = identity;
    }

    @GET
    @Path("{token}")
    @PermitAll
    @Operation(summary = "What the objection link of a notice offers: the additions, the deadline, any objection made")
    public ObjectionForm form(@PathParam("token") String token) {
        return objections.form(token);
    }

    @POST
    @Path("{token}")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Object to sub-processors the version adds, before its deadline (once per version)")
    public Response object(@PathParam("token") String token, @NotNull @Valid ObjectionRequest request) {
        return Response.status(Response.Status.CREATED).entity(objections.object(token, request)).build();
    }

    @POST
    @Path("{id}/resolution")
    @RolesAllowed(Roles.LEGAL)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record how an objection was resolved")
    public ObjectionView resolve(@PathParam("id") UUID id, @NotNull @Valid ResolutionRequest request) {
        return objections.resolve(id, request, identity.getPrincipal().getName());
    }
}
