package io.subregistry.security;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.Set;

/** A staff account to create without a password: its owner sets one from the invitation mail. */
public record NewInvite(
        @NotBlank @Pattern(regexp = NewAccount.USERNAME_PATTERN, message = NewAccount.USERNAME_RULE) String username,
        @NotBlank @Email @Size(max = 254) @Pattern(regexp = "[^\\s<>,;\"]+", message = "must be one e-mail address") String email,
        @NotEmpty Set<@Pattern(regexp = "admin|legal|auditor", message = "must be admin, legal or auditor") String> roles) {
}
