package io.subregistry.web.console;

import io.subregistry.brand.BrandSettings;
import org.jboss.resteasy.reactive.RestForm;

import java.util.LinkedHashMap;
import java.util.Map;

/** The settings page's brand form. */
public record BrandForm(@RestForm String companyName, @RestForm String accentColor, @RestForm String privacyUrl,
                        @RestForm String dpaUrl, @RestForm String legalPagesUrl, @RestForm String contactEmail,
                        @RestForm String footer, @RestForm String bindingLanguage) implements ConsoleForm<BrandSettings> {

    @Override
    public BrandSettings toInput() {
        return new BrandSettings(companyName, accentColor, privacyUrl, dpaUrl, legalPagesUrl, contactEmail, footer,
                bindingLanguage);
    }

    @Override
    public Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("companyName", Forms.shown(companyName));
        values.put("accentColor", Forms.shown(accentColor));
        values.put("privacyUrl", Forms.shown(privacyUrl));
        values.put("dpaUrl", Forms.shown(dpaUrl));
        values.put("legalPagesUrl", Forms.shown(legalPagesUrl));
        values.put("contactEmail", Forms.shown(contactEmail));
        values.put("footer", Forms.shown(footer));
        values.put("bindingLanguage", Forms.shown(bindingLanguage));
        return values;
    }
}
