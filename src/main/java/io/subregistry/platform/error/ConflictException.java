package io.subregistry.platform.error;

import java.util.List;

/** The request conflicts with the registry's state (published data is immutable, nothing to publish, a name taken). */
public class ConflictException extends RegistryException {

    public ConflictException(String detail) {
        super(detail);
    }

    public ConflictException(String detail, List<Violation> violations) {
        super(detail, violations);
    }
}
