package io.subregistry.brand;

import java.util.Set;

/**
 * The brand in force: each field from config if set there, else as saved in the console, else
 * the default. {@code fromConfig} names the fields config decides (the console shows them locked).
 */
public record Brand(String companyName, String accentColor, String privacyUrl, String dpaUrl, String legalPagesUrl,
                    String contactEmail, String footer, String bindingLanguage, Logo logo, Set<String> fromConfig) {

    public static final String DEFAULT_ACCENT = "#0b5fff";
    public static final String DEFAULT_LANGUAGE = "en";

    /** The uploaded logo's type and the tag that changes with its bytes (for URLs and ETags). */
    public record Logo(String contentType, String sha256) {
        public String url() {
            return "/brand/logo?v=" + sha256.substring(0, 12);
        }
    }

    /** The style sheet with the accent colour; the URL changes with the colour. */
    public String themeUrl() {
        return "/brand/theme.css?v=" + accentColor.substring(1);
    }

    public boolean hasLogo() {
        return logo != null;
    }

    /** "Acme Health — Sub-processors", or just "Sub-processors" without a company name. */
    public String title(String what) {
        return companyName == null ? what : companyName + " — " + what;
    }

    /** "[Acme Health] " for mail subjects, or nothing. */
    public String subjectPrefix() {
        return companyName == null ? "" : "[" + companyName + "] ";
    }
}
