package io.subregistry.platform.i18n;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages pages and mails are written in. Anything else a reader or a contact asks for
 * (a tag such as "de-CH", an Accept-Language header) is matched to one of these, because
 * legal text is only ever shown in a language someone has actually translated.
 */
public enum Language {
    EN("English"),
    DE("Deutsch"),
    FR("Français");

    /** The language a reader gets when nothing they asked for is offered. */
    public static final Language DEFAULT = EN;

    private final String nativeName;
    private final Locale locale;

    Language(String nativeName) {
        this.nativeName = nativeName;
        this.locale = Locale.forLanguageTag(name().toLowerCase(Locale.ROOT));
    }

    /** "en", "de", "fr": the value of {@code ?lang=}, of {@code <html lang>} and of a stored preference. */
    public String tag() {
        return locale.getLanguage();
    }

    public Locale locale() {
        return locale;
    }

    /** The language's name in itself ("Deutsch"), as a language link shows it. */
    public String nativeName() {
        return nativeName;
    }

    /** The offered language a BCP 47 tag means ("de-CH" and "DE" mean DE); empty for anything else. */
    public static Optional<Language> ofTag(String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        String primary = Locale.forLanguageTag(tag.trim().replace('_', '-')).getLanguage();
        for (Language language : values()) {
            if (language.tag().equals(primary)) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }

    /** {@link #ofTag}, or {@code fallback} when the tag names no offered language. */
    public static Language ofTagOr(String tag, Language fallback) {
        return ofTag(tag).orElse(fallback);
    }

    /**
     * The reader's best offered language from an Accept-Language header, by its q-values
     * ("fr-CH, fr;q=0.9, en;q=0.8" gives FR); empty when the header is missing, malformed or
     * names nothing offered.
     */
    public static Optional<Language> fromAcceptLanguage(String header) {
        if (header == null || header.isBlank() || header.length() > 1000) {
            return Optional.empty();
        }
        try {
            return Locale.LanguageRange.parse(header).stream()
                    .filter(range -> range.getWeight() > 0)
                    .sorted(Comparator.comparingDouble(Locale.LanguageRange::getWeight).reversed())
                    .map(range -> ofTag(range.getRange()))
                    .flatMap(Optional::stream)
                    .findFirst();
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    /**
     * The language of a page: the reader's explicit choice ({@code ?lang=}) when it names an offered
     * language, else the best of their browser's Accept-Language, else the default. An unknown
     * {@code ?lang=} is ignored rather than refused: a stale link should still show the page.
     */
    public static Language forReader(String requested, String acceptLanguage) {
        return ofTag(requested).or(() -> fromAcceptLanguage(acceptLanguage)).orElse(DEFAULT);
    }

    /** Every offered language, in the order language links list them. */
    public static List<Language> offered() {
        return List.of(values());
    }
}
