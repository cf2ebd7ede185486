package io.subregistry.webhook;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookSignatureTest {

    @Test
    void matchesTheStandardWebhooksSpecificationsExample() {
        // The example of the Standard Webhooks specification (and of its reference libraries).
        WebhookSecret secret = new WebhookSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        String signature = WebhookSignature.sign(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330,
                "{\"test\": 2432232314}");
        assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void anyChangeToIdTimestampOrBodyChangesTheSignature() {
        WebhookSecret secret = WebhookSecret.generate();
        String signed = WebhookSignature.sign(secret, "msg_1", 100, "{}");
        assertThat(WebhookSignature.sign(secret, "msg_2", 100, "{}")).isNotEqualTo(signed);
        assertThat(WebhookSignature.sign(secret, "msg_1", 101, "{}")).isNotEqualTo(signed);
        assertThat(WebhookSignature.sign(secret, "msg_1", 100, "{ }")).isNotEqualTo(signed);
        assertThat(WebhookSignature.sign(WebhookSecret.generate(), "msg_1", 100, "{}")).isNotEqualTo(signed);
    }

    @Test
    void secretsAreWhsecPrefixedRandomKeysThatNeverPrintThemselves() {
        WebhookSecret one = WebhookSecret.generate();
        assertThat(one.value()).startsWith("whsec_");
        assertThat(one.key()).hasSize(32);
        assertThat(WebhookSecret.generate().value()).isNotEqualTo(one.value());
        assertThat(one.toString()).doesNotContain(one.value().substring(6));
        assertThatThrownBy(() -> new WebhookSecret("sk_live_123")).isInstanceOf(IllegalArgumentException.class);
    }
}
