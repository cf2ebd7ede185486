package io.subregistry.registry.draft;

import io.subregistry.platform.validation.HttpUrl;
import io.subregistry.platform.validation.PlainText;
import io.subregistry.platform.validation.Text;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A sub-processor as legal staff enter it, through the API or an imported file: the section it
 * belongs to and its fields, with the limits every entry must respect.
 */
public record SubprocessorInput(
        @NotBlank @Size(max = SectionInput.KEY_MAX) @PlainText String section,
        @NotBlank @Size(max = 200) @PlainText String name,
        @NotBlank @Size(max = 500) @PlainText String legalAddress,
        @NotBlank @Size(max = 200) @PlainText String location,
        @NotBlank @Size(max = 2000) @PlainText(multiline = true) String processingActivity,
        @Size(max = 2048) @PlainText @HttpUrl String website,
        @Size(max = 1000) @PlainText(multiline = true) String dataCategories,
        @Size(max = 500) @PlainText String transferMechanism,
        @Size(max = 2048) @PlainText @HttpUrl String dpaUrl) {

    public SubprocessorInput {
        section = Text.trim(section);
        name = Text.trim(name);
        legalAddress = Text.trim(legalAddress);
        location = Text.trim(location);
        processingActivity = Text.trim(processingActivity);
        website = Text.trimToNull(website);
        dataCategories = Text.trimToNull(dataCategories);
        transferMechanism = Text.trimToNull(transferMechanism);
        dpaUrl = Text.trimToNull(dpaUrl);
    }
}
