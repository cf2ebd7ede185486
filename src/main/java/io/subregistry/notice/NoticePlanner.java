package io.subregistry.notice;

import io.subregistry.registry.version.VersionPublished;
import io.subregistry.registry.version.VersionWithdrawn;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;

/**
 * Decides who is told what and when: announcements in the publishing transaction itself (so a
 * version never exists without them), reminders and effective-day notices on a schedule. Every
 * scheduled insert is idempotent (one record per subscriber, version and kind), so any instance
 * may run it; the announcements are inserted once, by the transaction that creates the version.
 */
@ApplicationScoped
public class NoticePlanner {

    private static final Logger LOG = Logger.getLogger(NoticePlanner.class);

    private final NoticeRepository notices;
    private final NoticeConfig config;
    private final NoticeMetrics metrics;
    private final Clock clock;

    public NoticePlanner(NoticeRepository notices, NoticeConfig config, NoticeMetrics metrics, Clock clock) {
        this.notices = notices;
        this.config = config;
        this.metrics = metrics;
        this.clock = clock;
    }

    void onPublished(@Observes VersionPublished event) {
        int queued = notices.queueAnnouncements(event.version().number(), Instant.now(clock));
        metrics.countAnnouncementsQueued(queued);
        LOG.infof("Version %d published: %d announcement(s) queued", event.version().number(), queued);
    }

    void onWithdrawn(@Observes VersionWithdrawn event) {
        int queued = notices.queueWithdrawals(event.version().number(), Instant.now(clock));
        metrics.count(NoticeKind.WITHDRAWAL, "queued", queued);
        LOG.infof("Version %d withdrawn: %d withdrawal notice(s) queued", event.version().number(), queued);
    }

    /** Queues the reminders and effective-day notices that are due now; returns how many. */
    @Transactional
    public int queueScheduled() {
        Instant now = Instant.now(clock);
        int reminders = notices.queueReminders(now, config.reminderLead());
        metrics.count(NoticeKind.REMINDER, "queued", reminders);
        int effective = config.effectiveNotices() ? notices.queueEffectiveNotices(now) : 0;
        metrics.count(NoticeKind.EFFECTIVE, "queued", effective);
        int queued = reminders + effective;
        if (queued > 0) {
            LOG.infof("Queued %d scheduled notice(s)", queued);
        }
        return queued;
    }
}
