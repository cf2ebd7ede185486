package io.subregistry.signing;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** How versions are signed ({@code registry.signing.*}). */
@ConfigMapping(prefix = "registry.signing")
public interface SigningConfig {

    /**
     * The Ed25519 private key that signs versions, PKCS#8 PEM ("BEGIN PRIVATE KEY";
     * {@code openssl genpkey -algorithm ed25519}), e.g. from a Kubernetes Secret. If unset, one is
     * generated on first start and kept in the database.
     */
    Optional<String> privateKey();
}
