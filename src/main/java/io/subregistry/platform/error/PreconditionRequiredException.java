package io.subregistry.platform.error;

/**
 * A change that must name the revision it was made from did not (no If-Match, or {@code *}):
 * without it the registry cannot tell a reviewed change from a blind overwrite.
 */
public class PreconditionRequiredException extends RegistryException {

    public PreconditionRequiredException(String detail) {
        super(detail);
    }
}
