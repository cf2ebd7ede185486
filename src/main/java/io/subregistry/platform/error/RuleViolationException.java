package io.subregistry.platform.error;

import java.util.List;

/** The request is well-formed but breaks a rule of the registry (notice period, effective dates). */
public class RuleViolationException extends RegistryException {

    public RuleViolationException(String detail) {
        super(detail);
    }

    public RuleViolationException(String detail, List<Violation> violations) {
        super(detail, violations);
    }
}
