package io.subregistry.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.subregistry.audit.AuditAction;
import io.subregistry.audit.AuditLog;
import io.subregistry.customer.CustomerService;
import io.subregistry.customer.CustomerView;
import io.subregistry.platform.error.InvalidInputException;
import io.subregistry.platform.error.RegistryException.Violation;
import io.subregistry.platform.error.ResourceNotFoundException;
import io.subregistry.platform.error.RuleViolationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Registering, rotating, pausing and deleting webhook endpoints; every change is audit-logged. */
@ApplicationScoped
public class WebhookService {

    static final int MAX_URL_LENGTH = 2000;
    static final int MAX_DESCRIPTION_LENGTH = 500;

    private final WebhookEndpointRepository endpoints;
    private final WebhookOutbox outbox;
    private final DestinationPolicy policy;
    private final WebhookConfig config;
    private final WebhookEvents events;
    private final WebhookDispatcher dispatcher;
    private final AuditLog audit;
    private final Clock clock;
    private final CustomerService customers;

    public WebhookService(WebhookEndpointRepository endpoints, WebhookOutbox outbox, DestinationPolicy policy,
                          WebhookConfig config, WebhookEvents events, WebhookDispatcher dispatcher, AuditLog audit,
                          Clock clock, CustomerService customers) {
        this.customers = customers;
        this.events = events;
        this.dispatcher = dispatcher;
        this.endpoints = endpoints;
        this.outbox = outbox;
        this.policy = policy;
        this.config = config;
        this.audit = audit;
        this.clock = clock;
    }

    /** A registered endpoint and its secret: the only time the secret is handed out. */
    public record Registered(WebhookEndpoint endpoint, WebhookSecret secret) {
    }

    @Transactional
    public Registered register(WebhookRegistration request, String actor) {
        List<String> events = validEvents(request.events());
        String description = request.description() == null ? null : request.description().strip();
        if (description != null && description.length() > MAX_DESCRIPTION_LENGTH) {
            throw new InvalidInputException("The description is too long.", List.of(
                    Violation.ofField("description", "must be at most " + MAX_DESCRIPTION_LENGTH + " characters")));
        }
        String url = permittedUrl(request.url());
        if (request.customerId() != null) {
            requireActiveCustomer(request.customerId());
        }
        WebhookSecret secret = WebhookSecret.generate();
        WebhookEndpoint endpoint = new WebhookEndpoint();
        endpoint.id = UUID.randomUUID();
        endpoint.url = url;
        endpoint.events = events.toArray(String[]::new);
        endpoint.customerId = request.customerId();
        endpoint.description = description == null || description.isEmpty() ? null : description;
        endpoint.secret = secret.value();
        endpoint.status = WebhookEndpoint.Status.ACTIVE;
        endpoint.createdAt = Instant.now(clock);
        endpoint.createdBy = actor;
        endpoints.persist(endpoint);
        Map<String, Object> details = new HashMap<>();
        details.put("url", url);
        details.put("events", events);
        if (endpoint.customerId != null) {
            details.put("customerId", endpoint.customerId.toString());
        }
        audit.record(actor, AuditAction.WEBHOOK_REGISTERED, target(endpoint.id), details);
        return new Registered(endpoint, secret);
    }

    public List<WebhookEndpoint> registered() {
        return endpoints.registered();
    }

    public Optional<WebhookEndpoint> find(UUID id) {
        return endpoints.findRegistered(id);
    }

    /** Stops an endpoint for good: nothing more is sent, its records stay. */
    @Transactional
    public void delete(UUID id, String actor) {
        WebhookEndpoint endpoint = require(id);
        endpoint.status = WebhookEndpoint.Status.DELETED;
        int cancelled = outbox.cancelPending(id, "endpoint deleted");
        audit.record(actor, AuditAction.WEBHOOK_DELETED, target(id), Map.of("url", endpoint.url, "cancelledDeliveries", cancelled));
    }

    /** A new secret; the old one signs beside it for {@code previous-secret-grace}, so receivers can switch. */
    @Transactional
    public WebhookSecret rotateSecret(UUID id, String actor) {
        WebhookEndpoint endpoint = require(id);
        WebhookSecret secret = WebhookSecret.generate();
        Instant now = Instant.now(clock);
        endpoint.previousSecret = endpoint.secret;
        endpoint.previousSecretUntil = now.plus(config.previousSecretGrace());
        endpoint.secret = secret.value();
        endpoint.secretRotatedAt = now;
        audit.record(actor, AuditAction.WEBHOOK_SECRET_ROTATED, target(id),
                Map.of("previousSecretSignsUntil", endpoint.previousSecretUntil.toString()));
        return secret;
    }

    /** Turns a disabled endpoint back on; its queued deliveries go out again. */
    @Transactional
    public WebhookEndpoint enable(UUID id, String actor) {
        WebhookEndpoint endpoint = require(id);
        if (endpoint.status == WebhookEndpoint.Status.ACTIVE) {
            return endpoint;
        }
        permittedUrl(endpoint.url);
        endpoint.status = WebhookEndpoint.Status.ACTIVE;
        endpoint.consecutiveFailures = 0;
        endpoint.disabledAt = null;
        endpoint.disabledReason = null;
        audit.record(actor, AuditAction.WEBHOOK_ENABLED, target(id), Map.of("url", endpoint.url));
        return endpoint;
    }

    /** An endpoint with its most recent deliveries and their attempts. */
    public record History(WebhookEndpoint endpoint, List<WebhookOutbox.DeliveryRow> deliveries,
                          List<WebhookOutbox.AttemptRow> attempts) {
    }

    public History history(UUID id, int recent) {
        WebhookEndpoint endpoint = require(id);
        List<WebhookOutbox.DeliveryRow> deliveries = outbox.recentDeliveries(id, recent);
        return new History(endpoint, deliveries,
                outbox.attemptsOf(deliveries.stream().map(WebhookOutbox.DeliveryRow::id).toList()));
    }

    /** How a test ping went. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TestResult(UUID deliveryId, String eventId, boolean delivered, String status, Integer statusCode,
                             Integer latencyMs, String error) {
    }

    /** Queues a ping and sends it at once; recorded like any delivery (a failure counts, and is retried). */
    public TestResult test(UUID id) {
        WebhookEndpoint endpoint = require(id);
        if (endpoint.status != WebhookEndpoint.Status.ACTIVE) {
            throw new RuleViolationException("This endpoint is disabled; enable it before testing it.");
        }
        UUID delivery = events.ping(id);
        dispatcher.deliverNow(delivery);
        WebhookOutbox.DeliveryRow row = outbox.delivery(delivery);
        List<WebhookOutbox.AttemptRow> attempts = outbox.attemptsOf(List.of(delivery));
        WebhookOutbox.AttemptRow last = attempts.isEmpty() ? null : attempts.get(attempts.size() - 1);
        return new TestResult(delivery, row.eventId(), "DELIVERED".equals(row.status()), row.status(),
                last == null ? null : last.statusCode(), last == null ? null : last.latencyMillis(),
                last == null ? null : last.error());
    }

    public long countDisabled() {
        return endpoints.countDisabled();
    }

    private WebhookEndpoint require(UUID id) {
        return endpoints.findRegistered(id)
                .orElseThrow(() -> new ResourceNotFoundException("There is no webhook endpoint " + id + "."));
    }

    private void requireActiveCustomer(UUID id) {
        CustomerView customer;
        try {
            customer = customers.require(id);
        } catch (ResourceNotFoundException missing) {
            throw new RuleViolationException("There is no customer " + id + ".",
                    List.of(Violation.ofField("customerId", "names no customer")));
        }
        if (customer.archived()) {
            throw new RuleViolationException("The customer " + customer.name() + " is archived.",
                    List.of(Violation.ofField("customerId", "names an archived customer")));
        }
    }

    private String permittedUrl(String url) {
        if (url == null || url.isBlank()) {
            throw new InvalidInputException("A webhook needs a URL.", List.of(Violation.ofField("url", "must not be empty")));
        }
        if (url.length() > MAX_URL_LENGTH) {
            throw new InvalidInputException("The URL is too long.",
                    List.of(Violation.ofField("url", "must be at most " + MAX_URL_LENGTH + " characters")));
        }
        try {
            return policy.check(url).url().toString();
        } catch (DestinationPolicy.Refused refused) {
            throw new RuleViolationException("This URL cannot receive webhooks: " + refused.getMessage() + ".",
                    List.of(Violation.ofField("url", refused.getMessage())));
        }
    }

    private static List<String> validEvents(List<String> requested) {
        if (requested == null || requested.isEmpty()) {
            throw new InvalidInputException("Name the events this endpoint receives.", List.of(Violation.ofField("events",
                    "must list at least one of version.published, version.effective, obligation.at_risk")));
        }
        Set<String> events = new LinkedHashSet<>();
        List<Violation> unknown = new ArrayList<>();
        for (String event : requested) {
            if (event == null || WebhookEventType.fromWire(event).isEmpty()) {
                unknown.add(Violation.ofField("events", "unknown event " + event
                        + "; known: version.published, version.effective, obligation.at_risk, ping"));
            } else {
                events.add(event);
            }
        }
        if (!unknown.isEmpty()) {
            throw new InvalidInputException("Some events are unknown.", unknown);
        }
        return List.copyOf(events);
    }

    static String target(UUID endpoint) {
        return "webhook " + endpoint;
    }
}
