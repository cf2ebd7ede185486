package io.subregistry.brand;

/** What an admin saves on the settings page; blank fields clear the saved value. The logo is separate. */
public record BrandSettings(String companyName, String accentColor, String privacyUrl, String dpaUrl,
                            String legalPagesUrl, String contactEmail, String footer, String bindingLanguage) {
}
