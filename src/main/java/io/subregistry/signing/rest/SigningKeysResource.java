package io.subregistry.signing.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.subregistry.signing.SigningKeys;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;

/** The public keys that verify versions' signatures, as a JWKS (RFC 7517, RFC 8037). */
@Path("/.well-known/subprocessor-keys.json")
@PermitAll
@Tag(name = "Published list and history")
public class SigningKeysResource {

    private final SigningKeys keys;

    public SigningKeysResource(SigningKeys keys) {
        this.keys = keys;
    }

    /** An Ed25519 public key as a JWK, with when it was created and retired (informational members). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Jwk(String kty, String crv, String x, String kid, String use, String alg, Instant created,
                      Instant retired) {
    }

    public record JwkSet(List<Jwk> keys) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Every key that signs or signed versions (retired ones too, so old versions still verify),"
            + " as a JSON Web Key Set; kid is the RFC 7638 thumbprint that a version's signature.keyId names")
    public Response keys() {
        JwkSet set = new JwkSet(keys.published().stream()
                .map(key -> new Jwk("OKP", "Ed25519", key.x(), key.keyId(), "sig", "EdDSA", key.createdAt(),
                        key.retiredAt()))
                .toList());
        return Response.ok(set, MediaType.APPLICATION_JSON).header("Cache-Control", "public, max-age=300").build();
    }
}
