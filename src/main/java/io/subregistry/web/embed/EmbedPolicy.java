package io.subregistry.web.embed;

import io.quarkus.runtime.StartupEvent;
import io.subregistry.web.SecurityHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The Content-Security-Policy of {@code /embed}: the site's policy, except that the configured
 * origins may frame it. Built when the service starts, so that a mistyped origin stops the start
 * with the reason instead of a company's legal page showing an empty frame.
 */
@ApplicationScoped
public class EmbedPolicy {

    private final FrameAncestors ancestors;
    private final String contentSecurityPolicy;

    public EmbedPolicy(EmbedConfig config) {
        try {
            this.ancestors = FrameAncestors.of(config.allowedOrigins().orElse(null));
        } catch (IllegalArgumentException invalid) {
            throw new IllegalStateException("registry.embed.allowed-origins cannot be used: " + invalid.getMessage());
        }
        this.contentSecurityPolicy = SecurityHeaders.policyFramedBy(ancestors.sources());
    }

    void onStart(@Observes StartupEvent event) {
        // Creating the bean checks the setting; nothing else to do.
        ancestors.origins();
    }

    public String contentSecurityPolicy() {
        return contentSecurityPolicy;
    }
}
