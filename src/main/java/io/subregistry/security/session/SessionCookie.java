package io.subregistry.security.session;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/**
 * Signs console requests in by their session cookie. It only looks at {@code /console} paths:
 * the API is for HTTP Basic clients, and a browser's cookie must never authorise an API call.
 */
@ApplicationScoped
public class SessionCookie implements HttpAuthenticationMechanism {

    public static final String NAME = "registry-session";
    public static final String PATH = "/console";
    static final String ATTRIBUTE = "session-token";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        if (!context.normalizedPath().startsWith(PATH)) {
            return Uni.createFrom().nullItem();
        }
        Cookie cookie = context.request().getCookie(NAME);
        if (cookie == null || cookie.getValue().isEmpty()) {
            return Uni.createFrom().nullItem();
        }
        return identities.authenticate(new SessionTokenRequest(cookie.getValue()));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(302, "Location", PATH + "/login"));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(SessionTokenRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.COOKIE, NAME));
    }

    /** The token of the session a request is signed in with (for logout). */
    public static String tokenOf(SecurityIdentity identity) {
        return identity.getAttribute(ATTRIBUTE);
    }
}
