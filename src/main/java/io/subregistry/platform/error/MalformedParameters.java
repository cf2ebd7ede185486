package io.subregistry.platform.error;

import io.subregistry.platform.error.RegistryException.Violation;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.UriInfo;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Names the path or query parameter that could not be converted to the type its resource
 * method takes. JAX-RS answers such a request 404 without saying why; we answer 400 and say
 * which parameter and what was expected, so 404 keeps meaning "well-formed, but no such thing".
 */
final class MalformedParameters {

    private MalformedParameters() {
    }

    static Optional<InvalidInputException> find(Method method, UriInfo uri) {
        if (method == null) {
            return Optional.empty();
        }
        for (Parameter parameter : method.getParameters()) {
            for (Annotation annotation : parameter.getAnnotations()) {
                String name;
                List<String> values;
                if (annotation instanceof PathParam path) {
                    name = path.value();
                    values = uri.getPathParameters().getOrDefault(name, List.of());
                } else if (annotation instanceof QueryParam query) {
                    name = query.value();
                    values = uri.getQueryParameters().getOrDefault(name, List.of());
                } else {
                    continue;
                }
                Class<?> type = parameter.getType();
                for (String value : values) {
                    if (!converts(type, value)) {
                        String expected = expected(type);
                        return Optional.of(new InvalidInputException(name + ": '" + abbreviate(value) + "' is not " + expected,
                                List.of(Violation.ofField(name, "expected " + expected))));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static boolean converts(Class<?> type, String value) {
        try {
            if (type == int.class || type == Integer.class) {
                Integer.parseInt(value.strip());
            } else if (type == long.class || type == Long.class) {
                Long.parseLong(value.strip());
            } else if (type == UUID.class) {
                UUID.fromString(value.strip());
            } else if (type.isEnum()) {
                return Arrays.stream(type.getEnumConstants()).anyMatch(constant -> constant.toString().equals(value));
            }
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String expected(Class<?> type) {
        if (type == int.class || type == Integer.class) {
            return "a whole number (up to " + Integer.MAX_VALUE + ")";
        }
        if (type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == UUID.class) {
            return "an id (a UUID such as 123e4567-e89b-12d3-a456-426614174000)";
        }
        if (type.isEnum()) {
            return "one of " + List.of(type.getEnumConstants());
        }
        return "a valid value";
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
