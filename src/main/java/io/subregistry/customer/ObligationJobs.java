package io.subregistry.customer;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/** Moves obligation statuses as time passes (any number of instances: one runs it at a time). */
@ApplicationScoped
public class ObligationJobs {

    private final ObligationService obligations;

    public ObligationJobs(ObligationService obligations) {
        this.obligations = obligations;
    }

    @Scheduled(identity = "obligation-status", every = "${registry.customers.status-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        obligations.refresh();
    }
}
