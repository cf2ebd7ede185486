package io.subregistry.webhook;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class WebhookEndpointRepository implements PanacheRepositoryBase<WebhookEndpoint, UUID> {

    /** Every endpoint not deleted, newest first. */
    public List<WebhookEndpoint> registered() {
        return list("status <> ?1 order by createdAt desc", WebhookEndpoint.Status.DELETED);
    }

    public Optional<WebhookEndpoint> findRegistered(UUID id) {
        return findByIdOptional(id).filter(endpoint -> endpoint.status != WebhookEndpoint.Status.DELETED);
    }

    public long countDisabled() {
        return count("status", WebhookEndpoint.Status.DISABLED);
    }
}
