package io.subregistry.platform;

import io.quarkus.qute.TemplateExtension;
import io.subregistry.platform.i18n.Language;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.Map;

/**
 * Dates and moments as pages, the feed and mails print them: one format per language, never an
 * ISO timestamp. English keeps the seed page's style ("March 3, 2026"); German and French write
 * the day first, as their readers do ("3. März 2026", "3 mars 2026").
 */
@TemplateExtension
public final class ReadableDates {

    private static final Map<Language, DateTimeFormatter> DATE = new EnumMap<>(Map.of(
            Language.EN, DateTimeFormatter.ofPattern("MMMM d, uuuu", Language.EN.locale()),
            Language.DE, DateTimeFormatter.ofPattern("d. MMMM uuuu", Language.DE.locale()),
            Language.FR, DateTimeFormatter.ofPattern("d MMMM uuuu", Language.FR.locale())));
    private static final Map<Language, DateTimeFormatter> MOMENT = new EnumMap<>(Map.of(
            Language.EN, DateTimeFormatter.ofPattern("MMMM d, uuuu, HH:mm 'UTC'", Language.EN.locale()),
            Language.DE, DateTimeFormatter.ofPattern("d. MMMM uuuu, HH:mm 'UTC'", Language.DE.locale()),
            Language.FR, DateTimeFormatter.ofPattern("d MMMM uuuu, HH:mm 'UTC'", Language.FR.locale())));

    private ReadableDates() {
    }

    /** {@code {date.readable}} in a template: English. */
    public static String readable(LocalDate date) {
        return readable(date, Language.EN);
    }

    /** {@code {instant.readable}} in a template: the moment in UTC, to the minute, in English. */
    public static String readable(Instant instant) {
        return readable(instant, Language.EN);
    }

    /** {@code {date.readable(language)}}: "February 1, 2027", "1. Februar 2027", "1 février 2027". */
    public static String readable(LocalDate date, Language language) {
        return date == null ? "" : DATE.get(language).format(date);
    }

    /** {@code {instant.readable(language)}}: the moment in UTC, to the minute. */
    public static String readable(Instant instant, Language language) {
        return instant == null ? "" : MOMENT.get(language).withZone(ZoneOffset.UTC).format(instant);
    }
}
