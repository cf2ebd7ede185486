package io.subregistry.web.console;

import java.util.List;

/** One field of the settings page: its form name, its label, and the config setting that overrides it. */
public record BrandField(String name, String label, String hint, String type, int max, String config) {

    static final List<BrandField> ALL = List.of(
            new BrandField("companyName", "Company name", "in page titles, mail subjects and the sender's name", "text", 100,
                    "registry.brand.company-name"),
            new BrandField("accentColor", "Accent colour", "like #0b5fff; needs 4.5:1 contrast against white", "text", 7,
                    "registry.brand.accent-color"),
            new BrandField("privacyUrl", "Privacy policy", "address", "url", 2000, "registry.brand.privacy-url"),
            new BrandField("dpaUrl", "Data Processing Agreement", "address", "url", 2000, "registry.brand.dpa-url"),
            new BrandField("legalPagesUrl", "\"Legal & Policies\" page", "address; the public page links back to it", "url", 2000,
                    "registry.brand.legal-pages-url"),
            new BrandField("contactEmail", "Contact for privacy questions", "e-mail address", "email", 254,
                    "registry.brand.contact-email"),
            new BrandField("footer", "Footer line", null, "text", 300, "registry.brand.footer"),
            new BrandField("bindingLanguage", "Legally binding language of notices", "en, de or fr", "text", 2,
                    "registry.brand.binding-language"));
}
