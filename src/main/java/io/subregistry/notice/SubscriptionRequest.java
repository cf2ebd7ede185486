package io.subregistry.notice;

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
 */
public record SubscriptionRequest(
        @NotBlank @Size(max = 254) @PlainText @Email(regexp = ".+@[^@\\s]+\\.[^@\\s]+", message = "must be an e-mail address")
        String email,
        @Size(max = 200) @PlainText String organisation,
        @Size(max = 50) List<@NotBlank @Size(max = 40) @Pattern(regexp = "[a-z0-9][a-z0-9-]*") String> sections) {

    public SubscriptionRequest {
        email = Text.trim(email);
        organisation = Text.trimToNull(organisation);
        sections = sections == null || sections.isEmpty() ? null : sections.stream().distinct().sorted().toList();
    }
}
