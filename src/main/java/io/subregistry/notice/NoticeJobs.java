package io.subregistry.notice;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.subregistry.notice.delivery.DeliveryService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The notice schedule. Each job claims its work through the database, so any number of
 * instances can run them; intervals come from configuration ("off" disables a job).
 */
@ApplicationScoped
public class NoticeJobs {

    private final DeliveryService delivery;
    private final NoticePlanner planner;

    public NoticeJobs(DeliveryService delivery, NoticePlanner planner) {
        this.delivery = delivery;
        this.planner = planner;
    }

    @Scheduled(identity = "notice-dispatch", every = "${registry.notices.dispatch-every:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void dispatch() {
        delivery.deliverDue();
    }

    @Scheduled(identity = "notice-planning", every = "${registry.notices.plan-every:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void plan() {
        planner.queueScheduled();
    }

    void onShutdown(@Observes ShutdownEvent event) {
        delivery.stop();
    }
}
