package io.subregistry.platform.error;

import java.util.List;

/** The client edited from an out-of-date copy (If-Match did not match). */
public class StaleRevisionException extends RegistryException {

    public StaleRevisionException(String detail) {
        super(detail);
    }

    public StaleRevisionException(String detail, List<Violation> violations) {
        super(detail, violations);
    }
}
