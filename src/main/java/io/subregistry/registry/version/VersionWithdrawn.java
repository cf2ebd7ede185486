package io.subregistry.registry.version;

/** Fired in the withdrawing transaction: observers cancel and send what concerns the version. */
public record VersionWithdrawn(VersionHeader version) {
}
