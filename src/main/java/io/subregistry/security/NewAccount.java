package io.subregistry.security;

import io.subregistry.platform.validation.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.Set;

/** A staff account to create. */
public record NewAccount(
        @NotBlank @Pattern(regexp = USERNAME_PATTERN, message = USERNAME_RULE) String username,
        @NotBlank @Size(min = PasswordPolicy.MIN_LENGTH, max = PasswordPolicy.MAX_LENGTH) @PlainText String password,
        @NotEmpty Set<@Pattern(regexp = "admin|legal|auditor", message = "must be admin, legal or auditor") String> roles) {

    public static final String USERNAME_PATTERN = "[a-z0-9][a-z0-9._-]{1,63}";
    public static final String USERNAME_RULE = "must be 2-64 lower-case letters, digits, '.', '_' or '-'";
}
