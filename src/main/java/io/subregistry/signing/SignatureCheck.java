package io.subregistry.signing;

import io.subregistry.registry.version.Version;
import io.subregistry.registry.version.VersionCheck;
import jakarta.enterprise.context.ApplicationScoped;

import java.security.PublicKey;
import java.util.Optional;

/** The chain verification's signature check: read from the database, never from a cache. */
@ApplicationScoped
public class SignatureCheck implements VersionCheck {

    private final SignatureRepository signatures;
    private final SigningKeys keys;

    public SignatureCheck(SignatureRepository signatures, SigningKeys keys) {
        this.signatures = signatures;
        this.keys = keys;
    }

    @Override
    public Optional<String> problemWith(Version version) {
        Optional<StoredSignature> stored = signatures.findByIdOptional(version.number);
        if (stored.isEmpty()) {
            return Optional.of("it has no signature");
        }
        StoredSignature signature = stored.get();
        Optional<PublicKey> key = keys.publicKey(signature.keyId);
        if (key.isEmpty()) {
            return Optional.of("its signature names key " + signature.keyId + ", which is not published");
        }
        String message = SignedMessage.of(version.number, version.effectiveAt, version.hash);
        if (!Ed25519.verify(key.get(), message, signature.value)) {
            return Optional.of("its signature " + signature.value + " does not verify with key " + signature.keyId
                    + " over \"" + message.replace("\n", "\\n") + "\"");
        }
        return Optional.empty();
    }
}
