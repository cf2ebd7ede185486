package io.subregistry.registry.version;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.subregistry.audit.AuditAction;
import io.subregistry.audit.AuditLog;
import io.subregistry.diff.Diff;
import io.subregistry.diff.SnapshotDiff;
import io.subregistry.platform.RegistryConfig;
import io.subregistry.registry.Snapshot;
import io.subregistry.registry.version.PublishableDraft.Revision;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Freezes the draft into the next version: checks the publish rules, computes the change
 * events once, chains the hash, writes everything in one transaction and tells observers
 * (docs/ARCHITECTURE.md, "The publish path").
 */
@ApplicationScoped
public class PublishService {

    private final PublishableDraft draft;
    private final VersionRepository versions;
    private final ChangeEventRepository changes;
    private final SnapshotCache snapshots;
    private final AuditLog audit;
    private final Event<VersionPublished> published;
    private final PublishRules rules;
    private final Counter publishes;
    private final Clock clock;
    private final ContractedNotice contracts;

    public PublishService(PublishableDraft draft, VersionRepository versions, ChangeEventRepository changes,
                          SnapshotCache snapshots, AuditLog audit, Event<VersionPublished> published,
                          RegistryConfig config, Clock clock, MeterRegistry metrics, ContractedNotice contracts) {
        this.contracts = contracts;
        this.draft = draft;
        this.versions = versions;
        this.changes = changes;
        this.snapshots = snapshots;
        this.audit = audit;
        this.published = published;
        this.rules = new PublishRules(config.noticePeriod(), config.zone());
        this.publishes = metrics.counter("registry.publishes");
        this.clock = clock;
    }

    /**
     * What publishing the draft now would change, with the revision it belongs to, read in one
     * transaction under the draft's shared lock: no edit or publish can land between reading
     * the revision, the draft and the latest version. A publish naming this revision publishes
     * exactly this diff.
     */
    @Transactional
    public DraftPreview preview() {
        Revision revision = draft.lockForReading();
        // A withdrawn version never takes effect: the draft is compared with the one before it.
        Optional<Version> latest = versions.latestStanding();
        Snapshot from = latest.map(v -> snapshots.of(v.number)).orElse(Snapshot.EMPTY);
        Snapshot current = draft.snapshot();
        return new DraftPreview(revision.number(), latest.map(v -> v.number).orElse(null),
                SnapshotDiff.between(from, current), DraftPreview.titles(current, from));
    }

    @Transactional
    public PublishedVersion publish(PublishCommand command, String publisher) {
        return publishAt(command, publisher, Instant.now(clock));
    }

    /**
     * Publishes as of {@code now}. Holding the draft's lock makes concurrent publishes (from any
     * instance) go one after the other: the second finds nothing left to publish. Everything
     * the caller needs to answer is known here, so nothing written is read back.
     */
    @Transactional
    public PublishedVersion publishAt(PublishCommand command, String publisher, Instant now) {
        draft.lockReviewed(command.reviewed());
        // The chain runs through every version; changes and dates are relative to the newest that
        // was not withdrawn (README, "Withdrawing an upcoming version").
        Optional<Version> previous = versions.latest();
        Optional<Version> standing = versions.latestStanding();
        Snapshot snapshot = draft.snapshot();
        Diff diff = SnapshotDiff.between(standing.map(v -> snapshots.of(v.number)).orElse(Snapshot.EMPTY), snapshot);
        PublishRules.Decision decision = rules.decide(diff,
                standing.map(v -> new PublishRules.Previous(v.number, v.effectiveAt)), command, now);
        if (previous.isPresent()) {
            // Customers' contracts may promise more notice than the registry's minimum.
            contracts.check(diff, now, decision.effectiveAt(), decision.emergencyReason());
        }

        int number = previous.map(v -> v.number + 1).orElse(1);
        VersionContent content = new VersionContent(number, now.truncatedTo(ChronoUnit.MILLIS), decision.effectiveAt(),
                command.summary(), publisher, decision.emergencyReason(), decision.noticePeriodDays(), snapshot);
        String previousHash = previous.map(v -> v.hash).orElse(null);
        String hash = HashChain.hash(previousHash, content);
        // Everything of the version before its header: the header seals it (docs/ARCHITECTURE.md, "Invariants").
        changes.insert(number, diff.changes());
        versions.insert(content, previousHash, hash);

        VersionHeader header = VersionHeader.of(content, previousHash, hash);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("effectiveAt", decision.effectiveAt().toString());
        details.put("changes", diff.changes().size());
        details.put("hash", hash);
        if (decision.emergencyReason() != null) {
            details.put("emergencyReason", decision.emergencyReason());
        }
        audit.record(publisher, AuditAction.VERSION_PUBLISHED, "version " + number, details);
        published.fire(new VersionPublished(header, diff));
        publishes.increment();
        // The newest version: in force at once (an emergency or "today") or still to come.
        VersionStatus status = header.isEffectiveAt(now) ? VersionStatus.CURRENT : VersionStatus.UPCOMING;
        return new PublishedVersion(header, status, diff.counts());
    }

    public PublishRules rules() {
        return rules;
    }
}
