package io.subregistry.signing.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.subregistry.security.Roles;
import io.subregistry.signing.SigningKeys;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;

/** Rotation of the generated signing key. */
@Path("/api/v1/admin/signing-keys")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin")
public class SigningKeyAdminResource {

    private final SigningKeys keys;
    private final SecurityIdentity identity;

    public SigningKeyAdminResource(SigningKeys keys, SecurityIdentity identity) {
        this.keys = keys;
        this.identity = identity;
    }

    @POST
    @Path("rotate")
    @Operation(summary = "Retire the signing key and generate the next one; the retired key stays published."
            + " 409 when the key comes from registry.signing.private-key (configure the new key instead)")
    public Response rotate() {
        SigningKeys.Rotation rotation = keys.rotate(identity.getPrincipal().getName());
        return Response.created(URI.create("/.well-known/subprocessor-keys.json")).entity(rotation).build();
    }
}
