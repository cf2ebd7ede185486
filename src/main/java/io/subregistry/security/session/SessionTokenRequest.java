package io.subregistry.security.session;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** The console's session cookie, to be turned into a staff identity. */
public class SessionTokenRequest extends BaseAuthenticationRequest {

    private final String token;

    public SessionTokenRequest(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }
}
