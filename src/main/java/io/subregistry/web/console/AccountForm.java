package io.subregistry.web.console;

import io.subregistry.security.NewAccount;
import org.jboss.resteasy.reactive.RestForm;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The accounts page's form for a new staff account; the password is never shown again. */
public record AccountForm(@RestForm String username, @RestForm String password, @RestForm List<String> roles)
        implements ConsoleForm<NewAccount> {

    @Override
    public NewAccount toInput() {
        return new NewAccount(username == null ? null : username.strip(), password,
                roles == null ? Set.of() : new HashSet<>(roles));
    }

    @Override
    public Map<String, String> values() {
        return Map.of("username", Forms.shown(username));
    }
}
