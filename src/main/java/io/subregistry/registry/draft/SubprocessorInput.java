package io.subregistry.registry.draft;

import io.subregistry.registry.Subprocessor;
import io.subregistry.registry.SubprocessorField;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.subregistry.platform.validation.HttpUrl;
import io.subregistry.platform.validation.PlainText;
import io.subregistry.platform.validation.Text;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.UUID;

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

    /** Every field of an entry by its JSON name, as a removal records it (absent fields left out). */
    public static Map<String, String> fieldsOf(Subprocessor entry, String section) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("section", section);
        for (SubprocessorField field : SubprocessorField.values()) {
            String value = field.valueOf(entry);
            if (value != null) {
                fields.put(field.jsonName(), value);
            }
        }
        return fields;
    }

    /** The entry such a record stands for. */
    public static SubprocessorInput fromFields(Map<?, ?> fields) {
        java.util.function.Function<String, String> get = name -> fields.get(name) == null ? null : String.valueOf(fields.get(name));
        return new SubprocessorInput(get.apply("section"), get.apply("name"), get.apply("legalAddress"), get.apply("location"),
                get.apply("processingActivity"), get.apply("website"), get.apply("dataCategories"),
                get.apply("transferMechanism"), get.apply("dpaUrl"));
    }

    /** The entry these fields describe, under a given id. */
    public Subprocessor toSubprocessor(UUID id) {
        return new Subprocessor(id, name, legalAddress, location, processingActivity, website, dataCategories,
                transferMechanism, dpaUrl);
    }
}
