package io.subregistry.registry.draft;

import io.subregistry.platform.validation.PlainText;
import io.subregistry.platform.validation.Text;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A section as legal staff define it. The key is the section's stable handle in URLs, CSV
 * files and subscriptions; the position (1 = first) is optional and defaults to the end.
 */
public record SectionInput(
        @NotBlank @Size(max = KEY_MAX) @Pattern(regexp = KEY_PATTERN, message = KEY_RULE) String key,
        @NotBlank @Size(max = 200) @PlainText String title,
        @Size(max = 2000) @PlainText(multiline = true) String description,
        @Size(max = 1000) @PlainText(multiline = true) String note,
        @Min(1) @Max(1000) Integer position) {

    public static final int KEY_MAX = 40;
    public static final String KEY_PATTERN = "[a-z0-9][a-z0-9-]*";
    public static final String KEY_RULE = "must be lower-case letters, digits and dashes, starting with a letter or digit";

    public SectionInput {
        key = Text.trim(key);
        title = Text.trim(title);
        description = Text.trimToNull(description);
        note = Text.trimToNull(note);
    }
}
