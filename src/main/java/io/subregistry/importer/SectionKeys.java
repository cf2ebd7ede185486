package io.subregistry.importer;

import java.text.Normalizer;
import java.util.Locale;

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

    static String next(String key) {
        String base = key.length() > 36 ? key.substring(0, 36) : key;
        int dash = base.lastIndexOf('-');
        if (dash > 0 && base.substring(dash + 1).matches("\\d+")) {
            return base.substring(0, dash) + "-" + (Integer.parseInt(base.substring(dash + 1)) + 1);
        }
        return base + "-2";
    }
}
