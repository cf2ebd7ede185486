package io.subregistry.webhook;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * An endpoint's signing secret in the Standard Webhooks form: {@code whsec_} and the base64 of
 * 32 random bytes, the HMAC key. Shown to the caller once, at registration and rotation.
 */
public record WebhookSecret(String value) {

    static final String PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();

    public WebhookSecret {
        if (value == null || !value.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a whsec_ secret");
        }
    }

    public static WebhookSecret generate() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return new WebhookSecret(PREFIX + Base64.getEncoder().encodeToString(key));
    }

    /** The HMAC key: the bytes after the prefix, base64-decoded. */
    public byte[] key() {
        return Base64.getDecoder().decode(value.substring(PREFIX.length()));
    }

    @Override
    public String toString() {
        return "whsec_…"; // never in a log line
    }
}
