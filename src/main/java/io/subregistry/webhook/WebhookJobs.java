package io.subregistry.webhook;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/** The webhook schedule; both jobs claim their work through the database, so any number of instances may run them. */
@ApplicationScoped
public class WebhookJobs {

    private final WebhookDispatcher dispatcher;
    private final WebhookEvents events;

    public WebhookJobs(WebhookDispatcher dispatcher, WebhookEvents events) {
        this.dispatcher = dispatcher;
        this.events = events;
    }

    @Scheduled(identity = "webhook-dispatch", every = "${registry.webhooks.dispatch-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void dispatch() {
        dispatcher.deliverDue();
    }

    @Scheduled(identity = "webhook-effective", every = "${registry.webhooks.effective-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void effective() {
        events.queueEffective();
    }
}
