package io.subregistry.registry.version.rest;

import io.subregistry.platform.error.InvalidInputException;
import io.subregistry.platform.error.RegistryException.Violation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Reads a query parameter that is either an ISO date or an ISO instant. */
public final class Moments {

    private Moments() {
    }

    /** A date means its start, in the registry's zone. */
    public static Instant startOf(String parameter, String value, ZoneId zone) {
        return parse(parameter, value, zone, false);
    }

    /** A date means its end: "the list in force on 2026-02-02" includes what took effect that day. */
    public static Instant endOf(String parameter, String value, ZoneId zone) {
        return parse(parameter, value, zone, true);
    }

    private static Instant parse(String parameter, String value, ZoneId zone, boolean endOfDay) {
        String text = value.strip();
        try {
            if (text.length() == 10) {
                LocalDate date = LocalDate.parse(text);
                return endOfDay ? date.plusDays(1).atStartOfDay(zone).toInstant().minusNanos(1)
                        : date.atStartOfDay(zone).toInstant();
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            String shown = text.length() > 40 ? text.substring(0, 40) + "…" : text;
            throw new InvalidInputException(parameter + ": '" + shown + "' is neither a date (YYYY-MM-DD) nor an instant"
                    + " (2026-02-02T09:00:00Z)", List.of(Violation.ofField(parameter, "expected a date or instant")));
        }
    }
}
