package io.subregistry.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;

/** Checks a username and password (HTTP Basic now, the console's login form later) against the staff accounts. */
@ApplicationScoped
public class StaffIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private final AccountService accounts;

    public StaffIdentityProvider(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
                                              AuthenticationRequestContext context) {
        return context.runBlocking(() -> verify(request));
    }

    @ActivateRequestContext
    SecurityIdentity verify(UsernamePasswordAuthenticationRequest request) {
        String password = new String(request.getPassword().getPassword());
        return accounts.authenticate(request.getUsername(), password)
                .map(staff -> (SecurityIdentity) QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal(staff.username()))
                        .addRoles(staff.roles())
                        .build())
                .orElseThrow(() -> new AuthenticationFailedException("invalid credentials"));
    }
}
