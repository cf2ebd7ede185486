package io.subregistry.brand;

import io.smallrye.config.ConfigMapping;

import java.util.Optional;

/**
 * The brand from configuration ({@code registry.brand.*}). Each setting given here wins over the
 * one an admin saves in the console, and the console shows it as set in configuration.
 */
@ConfigMapping(prefix = "registry.brand")
public interface BrandConfig {

    Optional<String> companyName();

    /** #rrggbb; must reach 4.5:1 against white (WCAG AA). */
    Optional<String> accentColor();

    Optional<String> privacyUrl();

    Optional<String> dpaUrl();

    Optional<String> legalPagesUrl();

    Optional<String> contactEmail();

    Optional<String> footer();

    /** The language whose text of a notice is legally binding: en, de or fr. */
    Optional<String> bindingLanguage();
}
