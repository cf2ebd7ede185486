package io.subregistry.security;

import io.quarkus.runtime.StartupEvent;
import io.subregistry.platform.RegistryConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.annotation.Priority;
import org.jboss.logging.Logger;

/** On first start with no accounts, creates {@code admin} so that someone can sign in at all. */
@ApplicationScoped
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);

    void onStart(@Observes @Priority(10) StartupEvent event, AccountService accounts, RegistryConfig config) {
        accounts.bootstrapAdmin(config.adminPassword()).ifPresent(generated -> LOG.warnf(
                "Created the first staff account 'admin' with the generated password: %s%n"
                        + "It is shown only this once; sign in and change it, or set REGISTRY_ADMIN_PASSWORD before the first start.",
                generated));
    }
}
