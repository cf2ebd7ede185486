package io.subregistry.platform;

import io.quarkus.qute.TemplateExtension;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Dates and moments as pages, the feed and mails print them ("March 3, 2026" and
 * "March 3, 2026, 19:25 UTC"): one format everywhere, never an ISO timestamp.
 */
@TemplateExtension
public final class ReadableDates {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("MMMM d, uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("MMMM d, uuuu, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private ReadableDates() {
    }

    /** {@code {date.readable}} in a template. */
    public static String readable(LocalDate date) {
        return FORMAT.format(date);
    }

    /** {@code {instant.readable}} in a template: the moment in UTC, to the minute. */
    public static String readable(Instant instant) {
        return instant == null ? "" : MOMENT.format(instant);
    }
}
