package io.subregistry.registry.version.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.subregistry.platform.Precondition;
import io.subregistry.registry.version.EffectiveAt;
import io.subregistry.registry.version.PublishCommand;
import io.subregistry.registry.version.PublishService;
import io.subregistry.registry.version.PublishedVersion;
import io.subregistry.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;

/** Publishing the reviewed draft as the next version. */
@Path("/api/v1/draft/publish")
@RolesAllowed(Roles.LEGAL)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Publishing (legal)")
public class PublishResource {

    private final PublishService publisher;
    private final SecurityIdentity identity;

    public PublishResource(PublishService publisher, SecurityIdentity identity) {
        this.publisher = publisher;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Publish the draft as the next version; If-Match with the ETag of the diff you reviewed is required",
            description = "Without If-Match (or with *): 428. With an ETag that is not the draft's current one: 412,"
                    + " so that nothing is published that was not reviewed. Get the ETag from GET /api/v1/draft/diff.")
    public Response publish(@NotNull @Valid PublishRequest request, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        PublishCommand command = new PublishCommand(EffectiveAt.parse(request.effectiveAt()), request.summary().strip(),
                request.emergencyReason(), request.noticePeriodDays(), Precondition.parse(ifMatch));
        PublishedVersion version = publisher.publish(command, identity.getPrincipal().getName());
        return Response.created(URI.create("/api/v1/versions/" + version.number()))
                .entity(VersionSummaryResponse.of(version.header(), version.status(), version.changes()))
                .build();
    }
}
