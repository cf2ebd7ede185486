package io.subregistry.notice;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.subregistry.notice.NoticeRepository.StatusCount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Prometheus metrics of the notice workflow (/q/metrics): notices by kind and outcome, the
 * queue's depth and the age of its oldest notice (read from the database every few seconds, so
 * every instance reports the shared queue), and how long one send takes.
 */
@ApplicationScoped
public class NoticeMetrics {

    private final MeterRegistry registry;
    private final EntityManager entityManager;
    private final Clock clock;
    private final Timer sendTime;
    private final Map<NoticeStatus, AtomicLong> depth = new EnumMap<>(NoticeStatus.class);
    private final AtomicLong oldestQueuedSeconds = new AtomicLong();

    public NoticeMetrics(MeterRegistry registry, EntityManager entityManager, Clock clock) {
        this.registry = registry;
        this.entityManager = entityManager;
        this.clock = clock;
        this.sendTime = Timer.builder("registry.notice.send").description("Time to hand one notice to the SMTP server")
                .publishPercentiles(0.5, 0.95, 0.99).register(registry);
        for (NoticeStatus status : new NoticeStatus[]{NoticeStatus.QUEUED, NoticeStatus.SENDING, NoticeStatus.RETRYING}) {
            AtomicLong value = new AtomicLong();
            depth.put(status, value);
            Gauge.builder("registry.notice.queue.depth", value, AtomicLong::get)
                    .description("Notices waiting to be sent, by status (whole database)")
                    .tag("status", status.name().toLowerCase()).register(registry);
        }
        Gauge.builder("registry.notice.queue.oldest.age", oldestQueuedSeconds, AtomicLong::get).baseUnit("seconds")
                .description("Age of the oldest notice still waiting to be sent").register(registry);
    }

    /** Notices reaching a state: queued, sent, retried, failed, cancelled. */
    public void count(NoticeKind kind, String outcome, long amount) {
        if (amount > 0) {
            Counter.builder("registry.notices").description("Notices by kind and outcome")
                    .tag("kind", kind.name().toLowerCase()).tag("outcome", outcome).register(registry).increment(amount);
        }
    }

    public void countAnnouncementsQueued(long amount) {
        count(NoticeKind.ANNOUNCEMENT, "queued", amount);
    }

    public void recordSend(Duration took) {
        sendTime.record(took);
    }

    public void countObjection() {
        registry.counter("registry.objections").increment();
    }

    @Scheduled(identity = "notice-metrics", every = "${registry.notices.metrics-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refreshQueue() {
        QuarkusTransaction.requiringNew().run(() -> {
            depth.values().forEach(value -> value.set(0));
            entityManager.createQuery("select n.status, count(n) from Notice n where n.status in ?1 group by n.status",
                            StatusCount.class)
                    .setParameter(1, depth.keySet())
                    .getResultList()
                    .forEach(row -> depth.get(row.status()).set(row.count()));
            Instant oldest = entityManager.createQuery("select min(n.queuedAt) from Notice n where n.status in ?1", Instant.class)
                    .setParameter(1, depth.keySet()).getSingleResult();
            oldestQueuedSeconds.set(oldest == null ? 0 : Math.max(0, Duration.between(oldest, Instant.now(clock)).toSeconds()));
        });
    }
}
