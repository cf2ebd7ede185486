package io.subregistry.web.console;

import io.subregistry.platform.Precondition;
import io.subregistry.platform.error.PreconditionRequiredException;
import io.subregistry.platform.error.RegistryException;
import io.subregistry.platform.error.StaleRevisionException;
import io.subregistry.registry.draft.Revisions;
import jakarta.validation.ConstraintViolation;

import io.subregistry.platform.ReadableDates;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

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
                .forEach(violation -> {
                    String field = leaf(violation.getPropertyPath().toString());
                    errors.putIfAbsent(field, message(field, violation.getMessage()));
                });
        return errors;
    }

    static Map<String, String> errors(RegistryException refused) {
        Map<String, String> errors = new LinkedHashMap<>();
        refused.violations().forEach(violation -> {
            if (violation.field() != null) {
                errors.putIfAbsent(leaf(violation.field()), message(leaf(violation.field()), violation.message()));
            }
        });
        return errors;
    }

    /** The words people read for the fields of the console's forms. */
    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("username", "Username"), Map.entry("password", "Password"), Map.entry("roles", "Roles"),
            Map.entry("email", "E-mail address"), Map.entry("section", "Section"), Map.entry("name", "Name"),
            Map.entry("legalAddress", "Legal address"), Map.entry("location", "Location"),
            Map.entry("processingActivity", "Processing activity"), Map.entry("website", "Website"),
            Map.entry("dataCategories", "Data categories"), Map.entry("transferMechanism", "Transfer mechanism"),
            Map.entry("dpaUrl", "DPA link"), Map.entry("key", "Key"), Map.entry("title", "Title"),
            Map.entry("description", "Description"), Map.entry("note", "Note"), Map.entry("position", "Position"),
            Map.entry("effectiveAt", "Effective date"), Map.entry("summary", "Summary"),
            Map.entry("emergencyReason", "Emergency reason"), Map.entry("noticePeriodDays", "Notice period"));

    /** API field names in a refusal's text, as the form's words. */
    private static final Map<String, String> IN_TEXT = Map.of(
            "an emergencyReason", "an emergency reason", "emergencyReason", "the emergency reason",
            "effectiveAt", "the effective date", "noticePeriodDays", "the notice period",
            "subprocessorIds", "the sub-processors");

    private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?Z");

    /** The label of a field, for the summary of a form's problems. */
    static String label(String field) {
        return LABELS.getOrDefault(field, field);
    }

    /** A refusal as a sentence in people's words: field names become labels, timestamps readable dates. */
    static String sentence(String detail) {
        if (detail == null || detail.isEmpty()) {
            return "That did not work.";
        }
        String text = detail;
        for (Map.Entry<String, String> word : IN_TEXT.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, String> e) -> e.getKey().length()).reversed()).toList()) {
            text = text.replace(word.getKey(), word.getValue());
        }
        text = INSTANT.matcher(text).replaceAll(match -> ReadableDates.readable(Instant.parse(match.group())));
        text = Character.toUpperCase(text.charAt(0)) + text.substring(1);
        return text.endsWith(".") ? text : text + ".";
    }

    /** A constraint's message in the form's words ("must not be empty" on roles: "Choose at least one role."). */
    private static String message(String field, String message) {
        boolean missing = message.startsWith("must not be empty") || message.startsWith("must not be blank")
                || message.startsWith("must not be null");
        if (!missing) {
            return Character.toUpperCase(message.charAt(0)) + message.substring(1) + (message.endsWith(".") ? "" : ".");
        }
        return switch (field) {
            case "roles" -> "Choose at least one role.";
            case "subprocessorIds" -> "Choose at least one sub-processor.";
            default -> "Fill this in.";
        };
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

    /** "publish.request.effectiveAt" and "roles[].<iterable element>" are the fields effectiveAt and roles. */
    private static String leaf(String path) {
        int bracket = path.indexOf('[');
        if (bracket >= 0) {
            path = path.substring(0, bracket);
        }
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
