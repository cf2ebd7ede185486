package io.subregistry.platform;

import io.quarkus.qute.TemplateExtension;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates as pages, the feed and mails print them ("March 3, 2026"): one format everywhere. */
@TemplateExtension
public final class ReadableDates {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("MMMM d, uuuu", Locale.ENGLISH);

    private ReadableDates() {
    }

    /** {@code {date.readable}} in a template. */
    public static String readable(LocalDate date) {
        return FORMAT.format(date);
    }
}
