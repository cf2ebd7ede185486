package io.subregistry.registry.draft;

import io.subregistry.platform.validation.PlainText;
import io.subregistry.platform.validation.Text;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A new title, description, note and (optionally) position for an existing section; its key never changes. */
public record SectionChanges(
        @NotBlank @Size(max = 200) @PlainText String title,
        @Size(max = 2000) @PlainText(multiline = true) String description,
        @Size(max = 1000) @PlainText(multiline = true) String note,
        @Min(1) @Max(1000) Integer position) {

    public SectionChanges {
        title = Text.trim(title);
        description = Text.trimToNull(description);
        note = Text.trimToNull(note);
    }
}
