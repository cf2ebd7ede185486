package io.subregistry.webhook;

import java.util.Arrays;
import java.util.Optional;

/** The events an endpoint can ask for; {@code ping} is always sent. Names as on the wire. */
public enum WebhookEventType {
    VERSION_PUBLISHED("version.published"),
    VERSION_EFFECTIVE("version.effective"),
    OBLIGATION_AT_RISK("obligation.at_risk"),
    PING("ping");

    private final String wireName;

    WebhookEventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<WebhookEventType> fromWire(String name) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(name)).findFirst();
    }
}
