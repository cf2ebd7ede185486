package io.subregistry.web;

import io.subregistry.platform.RegistryConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.NewCookie;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * CSRF protection for the site's forms by double submission: a random token in a SameSite=Strict,
 * HttpOnly cookie and the same token in a hidden field. Another site can neither read the
 * cookie nor make the browser send it, so it cannot forge a matching form.
 */
@ApplicationScoped
public class Csrf {

    public static final String COOKIE = "csrf";
    public static final String FIELD = "csrf";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final boolean secure;

    public Csrf(RegistryConfig config) {
        this.secure = config.publicBaseUrl().startsWith("https://");
    }

    /** The caller's token: the one its cookie carries, or a new one (then {@link #cookie} must be set). */
    public String tokenOf(Map<String, Cookie> cookies) {
        Cookie cookie = cookies.get(COOKIE);
        return cookie != null && isWellFormed(cookie.getValue()) ? cookie.getValue() : fresh();
    }

    public NewCookie cookie(String token) {
        return new NewCookie.Builder(COOKIE).value(token).path("/").httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.STRICT).build();
    }

    /** Whether a form's field matches the cookie of the browser that sent it. */
    public boolean accepts(Map<String, Cookie> cookies, String field) {
        Cookie cookie = cookies.get(COOKIE);
        return cookie != null && field != null && isWellFormed(field)
                && MessageDigest.isEqual(cookie.getValue().getBytes(StandardCharsets.US_ASCII),
                field.getBytes(StandardCharsets.US_ASCII));
    }

    private static String fresh() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static boolean isWellFormed(String token) {
        return token != null && token.matches("[A-Za-z0-9_-]{43}");
    }
}
