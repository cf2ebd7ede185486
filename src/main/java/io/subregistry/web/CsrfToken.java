package io.subregistry.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/** This request's CSRF token: the one the browser's cookie carries, or a new one. */
@RequestScoped
public class CsrfToken {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpHeaders headers;
    private String value;
    private boolean issued;

    public CsrfToken(HttpHeaders headers) {
        this.headers = headers;
    }

    /** The token for the page's forms; the response then sets the cookie that matches it. */
    public String value() {
        if (value == null) {
            String fromCookie = cookie();
            value = fromCookie != null ? fromCookie : fresh();
        }
        issued = true;
        return value;
    }

    boolean wasIssued() {
        return issued;
    }

    /** Whether a form's field matches the cookie of the browser that sent it. */
    boolean matches(String field) {
        String cookie = cookie();
        return cookie != null && field != null && isWellFormed(field)
                && MessageDigest.isEqual(cookie.getBytes(StandardCharsets.US_ASCII), field.getBytes(StandardCharsets.US_ASCII));
    }

    private String cookie() {
        Cookie cookie = headers.getCookies().get(Csrf.COOKIE);
        return cookie != null && isWellFormed(cookie.getValue()) ? cookie.getValue() : null;
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
