package io.subregistry.webhook;

import java.util.List;
import java.util.UUID;

/** What legal staff register: where to send, which events, for which customer (none: the whole registry). */
public record WebhookRegistration(String url, List<String> events, UUID customerId, String description) {
}
