package io.subregistry.platform.error;

import java.util.List;

/**
 * A request the registry refuses, in the domain's words. Each subclass stands for one kind of
 * refusal; {@code ProblemMapper} turns the kind into an HTTP status, so services never speak HTTP.
 */
public abstract class RegistryException extends RuntimeException {

    private final List<Violation> violations;

    protected RegistryException(String detail, List<Violation> violations) {
        super(detail, null, false, false);
        this.violations = List.copyOf(violations);
    }

    protected RegistryException(String detail) {
        this(detail, List.of());
    }

    public String detail() {
        return getMessage();
    }

    /** Per-field or per-line reasons, when there are several. */
    public List<Violation> violations() {
        return violations;
    }

    /** One reason a value was refused: where it is (a field, a line) and why. */
    public record Violation(String field, Integer line, String message) {
        public static Violation ofField(String field, String message) {
            return new Violation(field, null, message);
        }

        public static Violation ofLine(int line, String field, String message) {
            return new Violation(field, line, message);
        }
    }
}
