package io.subregistry.customer;

import io.subregistry.platform.validation.PlainText;
import io.subregistry.platform.validation.Text;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A notice address a customer's contract names. */
public record ContactInput(
        @NotBlank @Size(max = 254) @PlainText @Email(regexp = ".+@[^@\\s]+\\.[^@\\s]+", message = "must be an e-mail address")
        String email,
        @Size(max = 200) @PlainText String name,
        @Size(max = 35) @Pattern(regexp = "[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*", message = "must be a language tag such as en or de-CH")
        String language) {

    public ContactInput {
        email = Text.trim(email);
        name = Text.trimToNull(name);
        language = Text.trimToNull(language);
    }
}
