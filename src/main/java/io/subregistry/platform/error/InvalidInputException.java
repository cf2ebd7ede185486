package io.subregistry.platform.error;

import java.util.List;

/** The request's content is malformed or out of bounds. */
public class InvalidInputException extends RegistryException {

    public InvalidInputException(String detail) {
        super(detail);
    }

    public InvalidInputException(String detail, List<Violation> violations) {
        super(detail, violations);
    }
}
