package io.subregistry.notice;

import io.subregistry.notice.objection.ObjectionRepository;
import io.subregistry.platform.csv.CsvWriter;
import io.subregistry.registry.version.VersionQueries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Who was told what about a version, and when: the delivery records as auditors read them. */
@ApplicationScoped
public class NoticeEvidence {

    private final NoticeRepository notices;
    private final SubscriberRepository subscribers;
    private final ObjectionRepository objections;
    private final VersionQueries versions;

    public NoticeEvidence(NoticeRepository notices, SubscriberRepository subscribers, ObjectionRepository objections,
                          VersionQueries versions) {
        this.notices = notices;
        this.subscribers = subscribers;
        this.objections = objections;
        this.versions = versions;
    }

    /** A version's notices counted by status, and the objections it drew. */
    public record Outcome(Map<NoticeStatus, Long> totals, long objections) {
    }

    @Transactional
    public Outcome outcome(int version) {
        return new Outcome(notices.totals(version), objections.count("versionNumber", version));
    }

    /** All notices about one version, with totals by status. */
    public record Report(int version, Map<NoticeStatus, Long> totals, List<Line> notices) {
    }

    /** One delivery record. The recipient is the address the notice was sent to, whatever happened since. */
    public record Line(String recipient, String organisation, NoticeKind kind, NoticeStatus status, int attempts,
                       Instant queuedAt, Instant sentAt, String messageId, String lastError) {
    }

    @Transactional
    public Report of(int version) {
        versions.require(version);
        List<Notice> all = notices.ofVersion(version);
        Map<UUID, String> organisations = all.isEmpty() ? Map.of() : subscribers.list("id in ?1",
                        all.stream().map(notice -> notice.subscriberId).distinct().toList()).stream()
                .filter(subscriber -> subscriber.organisation != null)
                .collect(Collectors.toMap(subscriber -> subscriber.id, subscriber -> subscriber.organisation));
        List<Line> lines = all.stream().map(notice -> new Line(notice.recipient, organisations.get(notice.subscriberId),
                notice.kind, notice.status, notice.attempts, notice.queuedAt, notice.sentAt, notice.messageId,
                notice.lastError)).toList();
        return new Report(version, notices.totals(version), lines);
    }

    /** The evidence file: every delivery record of a version, one row each. */
    public static String csv(Report report) {
        CsvWriter csv = new CsvWriter().row("version", "recipient", "organisation", "kind", "status", "attempts",
                "queuedAt", "sentAt", "messageId", "lastError");
        for (Line line : report.notices()) {
            csv.row(report.version(), line.recipient(), line.organisation(), line.kind(), line.status(), line.attempts(),
                    line.queuedAt(), line.sentAt(), line.messageId(), line.lastError());
        }
        return csv.toString();
    }
}
