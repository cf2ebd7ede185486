package io.subregistry.platform.error;

import java.util.List;

/** Something the request names does not exist. */
public class ResourceNotFoundException extends RegistryException {

    public ResourceNotFoundException(String detail) {
        super(detail);
    }

    public ResourceNotFoundException(String detail, List<Violation> violations) {
        super(detail, violations);
    }
}
