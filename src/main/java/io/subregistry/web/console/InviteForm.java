package io.subregistry.web.console;

import io.subregistry.security.NewInvite;
import org.jboss.resteasy.reactive.RestForm;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The accounts page's form to invite someone by mail: no password, they choose it from the link. */
public record InviteForm(@RestForm String username, @RestForm String email, @RestForm List<String> roles)
        implements ConsoleForm<NewInvite> {

    @Override
    public NewInvite toInput() {
        return new NewInvite(username == null ? null : username.strip(), email == null ? null : email.strip(),
                roles == null ? Set.of() : new HashSet<>(roles));
    }

    @Override
    public Map<String, String> values() {
        return Map.of("username", Forms.shown(username), "email", Forms.shown(email),
                "roles", roles == null ? "" : String.join(" ", roles));
    }
}
