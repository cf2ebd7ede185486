package io.subregistry.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The destination policy of this instance: the configured flags and the system's DNS. */
public class DestinationPolicyProducer {

    @Produces
    @ApplicationScoped
    DestinationPolicy policy(WebhookConfig config) {
        return new DestinationPolicy(config.allowPrivate(), config.allowHttp(), DestinationPolicy.Resolver.DNS);
    }
}
