package io.subregistry.notice;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.subregistry.notice.delivery.DeliveryService;
import io.subregistry.registry.version.VersionPublished;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * The notice schedule. Each job claims its work through the database, so any number of
 * instances can run them; intervals come from configuration ("off" disables a job).
 */
@ApplicationScoped
public class NoticeJobs {

    private static final Logger LOG = Logger.getLogger(NoticeJobs.class);

    private final DeliveryService delivery;
    private final NoticePlanner planner;
    private final NoticeConfig config;
    private Thread stopClaimingOnSignal;

    public NoticeJobs(DeliveryService delivery, NoticePlanner planner, NoticeConfig config) {
        this.delivery = delivery;
        this.planner = planner;
        this.config = config;
    }

    @Scheduled(identity = "notice-dispatch", every = "${registry.notices.dispatch-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void dispatch() {
        delivery.deliverDue();
    }

    /**
     * A publish has just queued its announcements: a round starts now instead of at the next tick
     * (the obligation clock runs from the send). Not where dispatch is off (tests drive it), and
     * not while a round runs here: that round takes them up.
     */
    void onPublished(@Observes(during = TransactionPhase.AFTER_SUCCESS) VersionPublished event) {
        if (isOff(config.dispatchEvery())) {
            return;
        }
        Infrastructure.getDefaultWorkerPool().execute(() -> {
            try {
                delivery.deliverDueUnlessBusy();
            } catch (RuntimeException e) {
                LOG.warnf("Notice delivery after the publish of version %d stopped (%s); the schedule takes over",
                        event.version().number(), e.toString());
            }
        });
    }

    private static boolean isOff(String every) {
        return every.isBlank() || every.equalsIgnoreCase("off") || every.equalsIgnoreCase("disabled");
    }

    @Scheduled(identity = "notice-planning", every = "${registry.notices.plan-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void plan() {
        planner.queueScheduled();
    }

    void onStart(@Observes StartupEvent event) {
        List<String> problems = NoticeSettings.problems(config);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Notice settings that would stop delivery: " + String.join("; ", problems));
        }
        // Quarkus fires ShutdownEvent only after it has drained HTTP requests, and the dispatcher
        // would go on claiming batches until then. A JVM shutdown hook runs the moment SIGTERM
        // arrives, so no work is claimed after the signal.
        stopClaimingOnSignal = new Thread(delivery::stopClaiming, "notice-stop-claiming");
        Runtime.getRuntime().addShutdownHook(stopClaimingOnSignal);
    }

    void onShutdown(@Observes ShutdownEvent event) {
        delivery.stop();
        if (stopClaimingOnSignal == null) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(stopClaimingOnSignal);
        } catch (IllegalStateException alreadyRunning) {
            // the JVM is exiting and the hook has run (or is running): nothing to remove
        }
    }
}
