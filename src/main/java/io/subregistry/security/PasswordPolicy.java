package io.subregistry.security;

import io.subregistry.platform.error.RuleViolationException;
import io.subregistry.platform.error.RegistryException.Violation;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Long enough to resist guessing, short enough for bcrypt (which reads only 72 bytes). */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 72;

    private PasswordPolicy() {
    }

    public static void check(String password) {
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_LENGTH) {
            throw new RuleViolationException("the password is longer than " + MAX_LENGTH + " bytes in UTF-8",
                    List.of(Violation.ofField("password", "at most " + MAX_LENGTH + " bytes")));
        }
        if (password.codePoints().distinct().count() < 5) {
            throw new RuleViolationException("the password repeats too few characters to be safe",
                    List.of(Violation.ofField("password", "use at least 5 different characters")));
        }
    }
}
