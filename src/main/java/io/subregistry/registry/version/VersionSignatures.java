package io.subregistry.registry.version;

import java.util.Optional;

/** The signatures of versions, as the API and the notices show them (the signing feature provides them). */
public interface VersionSignatures {

    /** A version's signature, if it has one yet. */
    Optional<VersionSignature> of(int number);
}
