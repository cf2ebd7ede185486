package io.subregistry.registry.version;

import io.subregistry.platform.error.InvalidInputException;
import io.subregistry.platform.error.RegistryException.Violation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * When a version takes effect, as legal staff write it: a calendar date (the start of that day
 * in the registry's zone) or an exact instant. Today's date means "now".
 */
public sealed interface EffectiveAt {

    Instant resolve(ZoneId zone, Instant now);

    record OnDate(LocalDate date) implements EffectiveAt {
        @Override
        public Instant resolve(ZoneId zone, Instant now) {
            if (date.equals(LocalDate.ofInstant(now, zone))) {
                return now;
            }
            return date.atStartOfDay(zone).toInstant();
        }
    }

    record AtInstant(Instant instant) implements EffectiveAt {
        @Override
        public Instant resolve(ZoneId zone, Instant now) {
            return instant;
        }
    }

    static EffectiveAt parse(String text) {
        String value = text == null ? "" : text.trim();
        try {
            if (value.length() == 10) {
                return new OnDate(LocalDate.parse(value));
            }
            return new AtInstant(OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeParseException e) {
            String shown = value.length() > 40 ? value.substring(0, 40) + "…" : value;
            throw new InvalidInputException("effectiveAt: '" + shown + "' is neither an ISO date (2026-02-02)"
                    + " nor an instant (2026-02-02T09:00:00Z)",
                    List.of(Violation.ofField("effectiveAt", "expected an ISO date or instant")));
        }
    }
}
