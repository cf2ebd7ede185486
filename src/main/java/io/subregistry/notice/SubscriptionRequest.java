package io.subregistry.notice;

import io.subregistry.platform.i18n.Language;
import io.subregistry.platform.validation.PlainText;
import io.subregistry.platform.validation.Text;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * A request to be told about changes.
 *
 * @param sections section keys to follow; absent or empty for every section
 * @param language the language of the mails: "en", "de" or "fr", or a tag meaning one of them
 *                 ("de-CH"); absent for the default. Anything else is refused, not guessed.
 */
public record SubscriptionRequest(
        @NotBlank @Size(max = 254) @PlainText @Email(regexp = ".+@[^@\\s]+\\.[^@\\s]+", message = "must be an e-mail address")
        String email,
        @Size(max = 200) @PlainText String organisation,
        @Size(max = 50) List<@NotBlank @Size(max = 40) @Pattern(regexp = "[a-z0-9][a-z0-9-]*") String> sections,
        @Pattern(regexp = "en|de|fr", message = "must be en, de or fr (or a language tag for one of them, such as de-CH)")
        String language) {

    public SubscriptionRequest {
        email = Text.trim(email);
        organisation = Text.trimToNull(organisation);
        sections = sections == null || sections.isEmpty() ? null : sections.stream().distinct().sorted().toList();
        // a tag for an offered language becomes its short form; anything else stays as sent, for the check to refuse
        String typed = Text.trimToNull(language);
        language = typed == null ? null : Language.ofTag(typed).map(Language::tag).orElse(typed);
    }

    /** A request without a language choice (the mail language then falls back to the default). */
    public SubscriptionRequest(String email, String organisation, List<String> sections) {
        this(email, organisation, sections, null);
    }
}
