package io.subregistry.web.console;

import io.subregistry.security.NewAccount;
import org.jboss.resteasy.reactive.RestForm;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The accounts page's form for a new staff account. A refused form comes back with the username
 * and the roles ticked, but never with the password: a password written back into the page would
 * sit in the HTML (browser cache, "view source", a shared screen), so it is typed again.
 */
public record AccountForm(@RestForm String username, @RestForm String password, @RestForm List<String> roles)
        implements ConsoleForm<NewAccount> {

    @Override
    public NewAccount toInput() {
        return new NewAccount(username == null ? null : username.strip(), password,
                roles == null ? Set.of() : new HashSet<>(roles));
    }

    @Override
    public Map<String, String> values() {
        return Map.of("username", Forms.shown(username), "roles", roles == null ? "" : String.join(" ", roles));
    }
}
