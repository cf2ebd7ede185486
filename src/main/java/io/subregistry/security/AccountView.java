package io.subregistry.security;

import java.time.Instant;
import java.util.List;

/** A staff account as admins see it (never its password hash). */
public record AccountView(String username, List<String> roles, boolean disabled, Instant createdAt, String createdBy) {

    static AccountView of(StaffAccount account) {
        return new AccountView(account.username, List.of(account.roles).stream().sorted().toList(), account.disabled,
                account.createdAt, account.createdBy);
    }
}
