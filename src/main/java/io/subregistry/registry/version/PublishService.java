package io.subregistry.registry.version;

import io.subregistry.audit.AuditAction;
import io.subregistry.audit.AuditLog;
import io.subregistry.diff.Diff;
import io.subregistry.diff.SnapshotDiff;
import io.subregistry.platform.RegistryConfig;
import io.subregistry.platform.error.PreconditionRequiredException;
import io.subregistry.platform.error.StaleRevisionException;
import io.subregistry.registry.Snapshot;
import io.subregistry.registry.draft.DraftRepository;
import io.subregistry.registry.draft.DraftService;
import io.subregistry.registry.draft.DraftState;
import io.subregistry.registry.draft.Revisions;
import io.subregistry.registry.draft.Revisions.Precondition;
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
 * events once, chains the hash, writes everything in one transaction and tells observers.
 */
@ApplicationScoped
public class PublishService {

    private final DraftRepository drafts;
    private final DraftService draftService;
    private final VersionRepository versions;
    private final ChangeEventRepository changes;
    private final SnapshotCache snapshots;
    private final AuditLog audit;
    private final Event<VersionPublished> published;
    private final PublishRules rules;
    private final io.micrometer.core.instrument.Counter publishes;
    private final Clock clock;

    public PublishService(DraftRepository drafts, DraftService draftService, VersionRepository versions,
                          ChangeEventRepository changes, SnapshotCache snapshots, AuditLog audit,
                          Event<VersionPublished> published, RegistryConfig config, Clock clock,
                          io.micrometer.core.instrument.MeterRegistry metrics) {
        this.drafts = drafts;
        this.draftService = draftService;
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
        long revision = drafts.lockForReading().revision;
        Optional<Version> latest = versions.latest();
        Snapshot from = latest.map(v -> snapshots.of(v.number)).orElse(Snapshot.EMPTY);
        Snapshot draft = draftService.snapshot();
        return new DraftPreview(revision, latest.map(v -> v.number).orElse(null), SnapshotDiff.between(from, draft),
                DraftPreview.titles(draft, from));
    }

    @Transactional
    public Version publish(PublishCommand command, String publisher) {
        return publishAt(command, publisher, Instant.now(clock));
    }

    /**
     * Publishes as of {@code now}. Holding the draft's lock makes concurrent publishes (from any
     * instance) go one after the other: the second finds nothing left to publish.
     */
    @Transactional
    public Version publishAt(PublishCommand command, String publisher, Instant now) {
        DraftState draft = drafts.lockForChange();
        requireReviewed(command.reviewed(), draft.revision);
        Optional<Version> previous = versions.latest();
        Snapshot snapshot = draftService.snapshot();
        Diff diff = SnapshotDiff.between(previous.map(v -> snapshots.of(v.number)).orElse(Snapshot.EMPTY), snapshot);
        PublishRules.Decision decision = rules.decide(diff,
                previous.map(v -> new PublishRules.Previous(v.number, v.effectiveAt)), command, now);

        int number = previous.map(v -> v.number + 1).orElse(1);
        VersionContent content = new VersionContent(number, now.truncatedTo(ChronoUnit.MILLIS), decision.effectiveAt(),
                command.summary(), publisher, decision.emergencyReason(), decision.noticePeriodDays(), snapshot);
        String previousHash = previous.map(v -> v.hash).orElse(null);
        String hash = HashChain.hash(previousHash, content);
        // Everything of the version before its header: the header seals it (see V1__registry.sql).
        changes.insert(number, diff.changes());
        versions.insert(content, previousHash, hash);

        Version version = versions.byNumber(number).orElseThrow();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("effectiveAt", decision.effectiveAt().toString());
        details.put("changes", diff.changes().size());
        details.put("hash", hash);
        if (decision.emergencyReason() != null) {
            details.put("emergencyReason", decision.emergencyReason());
        }
        audit.record(publisher, AuditAction.VERSION_PUBLISHED, "version " + number, details);
        published.fire(new VersionPublished(version, diff));
        publishes.increment();
        return version;
    }

    /** A publish must name the draft revision whose diff was reviewed, and it must still be the current one. */
    private static void requireReviewed(Precondition reviewed, long current) {
        if (!reviewed.namesARevision()) {
            throw new PreconditionRequiredException("say which draft you reviewed: send If-Match with the ETag of"
                    + " GET /api/v1/draft/diff (or GET /api/v1/draft)");
        }
        if (!reviewed.allows(Revisions.ofDraft(current))) {
            throw new StaleRevisionException((reviewed.isWellFormed() ? "the draft changed since you read it"
                    : "If-Match does not name a revision of the draft") + " (now " + Revisions.ofDraft(current)
                    + "); review the diff again before publishing");
        }
    }

    public PublishRules rules() {
        return rules;
    }
}
