package io.subregistry.registry.version;

/** A version's signature as the API shows it: which key, which algorithm, the base64url value. */
public record VersionSignature(String keyId, String algorithm, String value) {

    public static final String ALGORITHM = "Ed25519";

    public static VersionSignature ed25519(String keyId, String value) {
        return new VersionSignature(keyId, ALGORITHM, value);
    }
}
