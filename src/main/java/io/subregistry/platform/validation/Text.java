package io.subregistry.platform.validation;

/** Normalises what people type: trimmed, and empty optional values become absent. */
public final class Text {

    private Text() {
    }

    public static String trim(String value) {
        return value == null ? null : value.strip();
    }

    public static String trimToNull(String value) {
        String trimmed = trim(value);
        return trimmed == null || trimmed.isEmpty() ? null : trimmed;
    }
}
