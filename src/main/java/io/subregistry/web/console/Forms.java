package io.subregistry.web.console;

import io.subregistry.platform.Precondition;
import io.subregistry.platform.error.PreconditionRequiredException;
import io.subregistry.platform.error.RegistryException;
import io.subregistry.platform.error.StaleRevisionException;
import io.subregistry.registry.draft.Revisions;
import jakarta.validation.ConstraintViolation;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/** What console forms share: showing typed values again, turning problems into field errors, revisions. */
final class Forms {

    /** A position as typed: empty, or digits (its range is the input's rule). */
    static final String POSITION = "\\s*\\d{0,9}\\s*";
    static final String POSITION_RULE = "must be a number from 1";

    private Forms() {
    }

    static String shown(String value) {
        return value == null ? "" : value;
    }

    static Integer position(String typed) {
        String digits = typed == null ? "" : typed.strip();
        return digits.matches("\\d{1,9}") ? Integer.valueOf(digits) : null;
    }

    static Map<String, String> errors(Collection<? extends ConstraintViolation<?>> violations) {
        Map<String, String> errors = new LinkedHashMap<>();
        violations.stream()
                .sorted(Comparator.comparing(violation -> violation.getPropertyPath().toString()))
                .forEach(violation -> errors.putIfAbsent(leaf(violation.getPropertyPath().toString()), violation.getMessage()));
        return errors;
    }

    static Map<String, String> errors(RegistryException refused) {
        Map<String, String> errors = new LinkedHashMap<>();
        refused.violations().forEach(violation -> {
            if (violation.field() != null) {
                errors.putIfAbsent(leaf(violation.field()), violation.message());
            }
        });
        return errors;
    }

    static String sentence(String detail) {
        if (detail == null || detail.isEmpty()) {
            return "That did not work.";
        }
        String text = Character.toUpperCase(detail.charAt(0)) + detail.substring(1);
        return text.endsWith(".") ? text : text + ".";
    }

    static Precondition entryRevision(String revision) {
        return Precondition.of(Revisions.ofEntry(revisionOf(revision)));
    }

    static Precondition sectionRevision(String revision) {
        return Precondition.of(Revisions.ofSection(revisionOf(revision)));
    }

    static Precondition draftRevision(String revision) {
        return Precondition.of(Revisions.ofDraft(revisionOf(revision)));
    }

    /**
     * The revision a form was rendered with. A form without one, or with one that is not a
     * number, is refused: it never turns the check off.
     */
    private static long revisionOf(String revision) {
        if (revision == null || revision.isBlank()) {
            throw new PreconditionRequiredException("This form does not say which revision it was made from."
                    + " Reload the page and make your change again.");
        }
        if (!revision.strip().matches("\\d{1,18}")) {
            throw new StaleRevisionException("This form's revision is not valid."
                    + " Reload the page and make your change again.");
        }
        return Long.parseLong(revision.strip());
    }

    private static String leaf(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
