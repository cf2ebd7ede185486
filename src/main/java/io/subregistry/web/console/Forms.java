package io.subregistry.web.console;

import io.subregistry.platform.error.RegistryException;
import jakarta.validation.ConstraintViolation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Turns validation results and refusals into what a form shows next to its fields. */
final class Forms {

    private Forms() {
    }

    static <T> Map<String, String> errors(Set<ConstraintViolation<T>> violations) {
        Map<String, String> errors = new LinkedHashMap<>();
        violations.stream()
                .sorted(java.util.Comparator.comparing(violation -> violation.getPropertyPath().toString()))
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

    private static String leaf(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
