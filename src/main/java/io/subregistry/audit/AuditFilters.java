package io.subregistry.audit;

import io.subregistry.platform.error.InvalidInputException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** The audit log's date filters as people type them: a date (whole days, UTC) or an instant. */
public final class AuditFilters {

    private AuditFilters() {
    }

    /** The first moment a "from" filter includes; null when blank. */
    public static Instant start(String name, String text) {
        return parse(name, text, false);
    }

    /** The first moment an "until" filter excludes: a date includes its whole day; null when blank. */
    public static Instant end(String name, String text) {
        return parse(name, text, true);
    }

    private static Instant parse(String name, String text, boolean end) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        try {
            if (value.length() == 10) {
                LocalDate date = LocalDate.parse(value);
                return (end ? date.plusDays(1) : date).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(name + " must be a date (YYYY-MM-DD) or an instant");
        }
    }
}
