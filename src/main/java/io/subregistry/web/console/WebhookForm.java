package io.subregistry.web.console;

import io.subregistry.webhook.WebhookRegistration;
import org.jboss.resteasy.reactive.RestForm;

import java.util.List;
import java.util.Map;

/** The webhooks page's form for a new endpoint. */
public record WebhookForm(@RestForm String url, @RestForm List<String> events, @RestForm String description)
        implements ConsoleForm<WebhookRegistration> {

    @Override
    public WebhookRegistration toInput() {
        return new WebhookRegistration(url == null ? null : url.strip(), events == null ? List.of() : events, null,
                description);
    }

    @Override
    public Map<String, String> values() {
        return Map.of("url", Forms.shown(url), "description", Forms.shown(description),
                "events", events == null ? "" : String.join(",", events));
    }
}
