package io.subregistry.registry.version;

import java.util.Optional;

/**
 * A further check of a published version that {@link ChainVerifier} runs once the version's
 * hash link holds (signing adds one: its signature must verify).
 */
public interface VersionCheck {

    /** What is wrong with the version as the database holds it now, if anything. */
    Optional<String> problemWith(Version version);
}
