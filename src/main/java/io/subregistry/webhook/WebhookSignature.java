package io.subregistry.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

/**
 * The Standard Webhooks signature: {@code v1,} and the base64 HMAC-SHA256, under the endpoint's
 * secret, of {@code "{webhook-id}.{webhook-timestamp}.{body}"}. Receivers recompute it to know
 * the body came from us and was not replayed later (the timestamp is signed too).
 */
public final class WebhookSignature {

    private WebhookSignature() {
    }

    public static String sign(WebhookSecret secret, String id, long timestampSeconds, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.key(), "HmacSHA256"));
            byte[] signed = mac.doFinal((id + "." + timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(signed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
