package io.subregistry.importer;

import io.subregistry.platform.error.InvalidInputException;
import io.subregistry.platform.error.RegistryException.Violation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects what is wrong with a file, so one answer lists every problem (up to a limit), not just the first. */
final class ImportProblems {

    private static final int MAX_REPORTED = 50;

    private final List<Violation> violations = new ArrayList<>();
    private int total;

    void atLine(int line, String field, String message) {
        add(Violation.ofLine(line, field, message));
    }

    void atField(String field, String message) {
        add(Violation.ofField(field, message));
    }

    void add(Violation violation) {
        total++;
        if (violations.size() < MAX_REPORTED) {
            violations.add(violation);
        }
    }

    boolean isEmpty() {
        return violations.isEmpty();
    }

    /** Throws if anything was found: nothing of the file is imported then. */
    void throwIfAny(String format) {
        if (violations.isEmpty()) {
            return;
        }
        violations.sort(Comparator.comparing(Violation::line, Comparator.nullsLast(Integer::compare)));
        Violation first = violations.get(0);
        String where = first.line() != null ? "line " + first.line() + (first.field() == null ? "" : ", " + first.field())
                : first.field();
        String more = total > 1 ? " (and " + (total - 1) + " more problem" + (total > 2 ? "s" : "") + ")" : "";
        throw new InvalidInputException("the " + format + " file was not imported: " + where + ": " + first.message() + more,
                violations);
    }
}
