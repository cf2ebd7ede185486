package io.subregistry.importer;

import io.subregistry.registry.draft.SectionInput;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Makes a section key from a page title: "Product-related sub-processors" → "product". */
final class SectionKeys {

    private SectionKeys() {
    }

    static String fromTitle(String title) {
        String ascii = Normalizer.normalize(title, Normalizer.Form.NFKD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        String slug = ascii
                .replaceAll("sub[- ]?processors?", " ")
                .replaceAll("\\brelated\\b", " ")
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (slug.isEmpty()) {
            slug = "section";
        }
        return slug.length() > 40 ? slug.substring(0, 40).replaceAll("-+$", "") : slug;
    }

    private static final Pattern NUMBERED = Pattern.compile("(.+)-(\\d{1,9})");

    /** The key after {@code key} when two sections would share it: "sales" → "sales-2" → "sales-3", within 40 characters. */
    static String next(String key) {
        String base = key;
        int number = 2;
        Matcher numbered = NUMBERED.matcher(key);
        if (numbered.matches()) {
            base = numbered.group(1);
            number = Integer.parseInt(numbered.group(2)) + 1;
        }
        String suffix = "-" + number;
        int room = SectionInput.KEY_MAX - suffix.length();
        if (base.length() > room) {
            base = base.substring(0, room).replaceAll("-+$", "");
        }
        return base + suffix;
    }
}
