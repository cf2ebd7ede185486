package io.subregistry.notice.objection;

import io.subregistry.audit.AuditAction;
import io.subregistry.audit.AuditLog;
import io.subregistry.diff.ChangeType;
import io.subregistry.notice.ContactTerms;
import io.subregistry.notice.MaskedEmail;
import io.subregistry.notice.Notice;
import io.subregistry.notice.NoticeKind;
import io.subregistry.notice.NoticeMetrics;
import io.subregistry.notice.NoticeRepository;
import io.subregistry.notice.Subscriber;
import io.subregistry.notice.SubscriberRepository;
import io.subregistry.notice.TokenService;
import io.subregistry.platform.ReadableDates;
import io.subregistry.platform.error.ConflictException;
import io.subregistry.platform.error.RegistryException.Violation;
import io.subregistry.platform.error.ResourceNotFoundException;
import io.subregistry.platform.error.RuleViolationException;
import io.subregistry.registry.version.RecordedChange;
import io.subregistry.registry.version.VersionHeader;
import io.subregistry.registry.version.VersionQueries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Objections to upcoming additions (SCC Clause 9(a)): made from a notice's link before the
 * version takes effect, one per subscriber and version, then resolved by legal staff.
 */
@ApplicationScoped
public class ObjectionService {

    private final NoticeRepository notices;
    private final SubscriberRepository subscribers;
    private final ObjectionRepository objections;
    private final VersionQueries versions;
    private final AuditLog audit;
    private final NoticeMetrics metrics;
    private final Clock clock;
    private final ContactTerms contracts;

    public ObjectionService(NoticeRepository notices, SubscriberRepository subscribers, ObjectionRepository objections,
                            VersionQueries versions, AuditLog audit, NoticeMetrics metrics, Clock clock,
                            ContactTerms contracts) {
        this.contracts = contracts;
        this.notices = notices;
        this.subscribers = subscribers;
        this.objections = objections;
        this.versions = versions;
        this.audit = audit;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Transactional
    public ObjectionForm form(String token) {
        Notice notice = noticeOf(token);
        Subscriber subscriber = subscribers.findById(notice.subscriberId);
        VersionHeader version = versions.require(notice.versionNumber);
        Instant now = Instant.now(clock);
        List<ObjectionForm.AddedSubprocessor> additions = additions(version.number());
        Optional<Objection> existing = objections.ofSubscriberOrCustomer(subscriber.id, subscriber.customerId, version.number());
        Instant deadline = deadline(version, subscriber, now);
        ClosedReason closed = closedReason(version, deadline, subscriber, additions, existing, now);
        return new ObjectionForm(version.number(), version.summary(), version.effectiveAt(), deadline,
                closed == null, closed == null ? null : inEnglish(closed, version, deadline, existing), closed, additions,
                existing.map(this::view).orElse(null));
    }

    @Transactional
    public ObjectionView object(String token, ObjectionRequest request) {
        Notice notice = noticeOf(token);
        Subscriber subscriber = subscribers.findById(notice.subscriberId);
        VersionHeader version = versions.require(notice.versionNumber);
        Instant now = Instant.now(clock);
        List<ObjectionForm.AddedSubprocessor> additions = additions(version.number());
        Optional<Objection> existing = objections.ofSubscriberOrCustomer(subscriber.id, subscriber.customerId, version.number());
        if (existing.isPresent()) {
            throw new ConflictException(existing.get().subscriberId.equals(subscriber.id)
                    ? "your objection to version " + version.number() + " was recorded on "
                    + ReadableDates.readable(existing.get().receivedAt) + "; legal staff will answer it"
                    : "your organisation's objection to version " + version.number() + " was recorded on "
                    + ReadableDates.readable(existing.get().receivedAt) + " (from another contact); legal staff will answer it");
        }
        Instant deadline = deadline(version, subscriber, now);
        ClosedReason closed = closedReason(version, deadline, subscriber, additions, existing, now);
        if (closed != null) {
            throw new ObjectionClosedException(closed, inEnglish(closed, version, deadline, existing) + "; nothing was recorded");
        }
        Set<UUID> objectable = additions.stream().map(a -> a.subprocessor().id()).collect(Collectors.toSet());
        List<UUID> unknown = request.subprocessorIds().stream().filter(id -> !objectable.contains(id)).toList();
        if (!unknown.isEmpty()) {
            throw new RuleViolationException("version " + version.number() + " does not add " + unknown
                    + "; you can object to what it adds", List.of(Violation.ofField("subprocessorIds", "not added by this version")));
        }
        Objection objection = new Objection();
        objection.id = UUID.randomUUID();
        objection.subscriberId = subscriber.id;
        objection.customerId = subscriber.customerId;
        objection.versionNumber = version.number();
        objection.noticeId = notice.id;
        objection.subprocessorIds = request.subprocessorIds().stream().distinct().toArray(UUID[]::new);
        objection.reason = request.reason().strip();
        objection.receivedAt = now;
        objections.persist(objection);
        notices.queueObjectionMail(NoticeKind.OBJECTION_RECEIVED, subscriber.id, version.number(), subscriber.email, now);
        metrics.countObjection();
        audit.record("subscriber " + MaskedEmail.of(subscriber.email), AuditAction.OBJECTION_RECEIVED,
                "version " + version.number(), Map.of("objection", objection.id.toString(),
                        "subprocessors", List.of(objection.subprocessorIds).stream().map(UUID::toString).toList()));
        return view(objection);
    }

    @Transactional
    public List<ObjectionView> ofVersion(int version) {
        versions.require(version);
        return objections.ofVersion(version).stream().map(this::view).toList();
    }

    /** The objections made from the links of a customer's contacts: the customer's objections. */
    @Transactional
    public List<ObjectionView> ofCustomer(UUID customer) {
        return objections.ofCustomer(customer).stream().map(this::view).toList();
    }

    @Transactional
    public ObjectionView resolve(UUID id, ResolutionRequest request, String actor) {
        Objection objection = objections.findByIdOptional(id)
                .orElseThrow(() -> new ResourceNotFoundException("there is no objection " + id));
        if (objection.outcome != null) {
            throw new ConflictException("this objection was already resolved (" + outcomeWords(objection.outcome) + ") by "
                    + objection.resolvedBy + " on " + ReadableDates.readable(objection.resolvedAt));
        }
        objection.outcome = request.outcome();
        objection.resolutionNote = request.note() == null ? null : request.note().strip();
        objection.resolvedBy = actor;
        objection.resolvedAt = Instant.now(clock);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("version", objection.versionNumber);
        details.put("outcome", objection.outcome.name());
        if (objection.resolutionNote != null) {
            details.put("note", objection.resolutionNote);
        }
        audit.record(actor, AuditAction.OBJECTION_RESOLVED, objection.id.toString(), details);
        Subscriber subscriber = subscribers.findById(objection.subscriberId);
        notices.queueObjectionMail(NoticeKind.OBJECTION_RESOLVED, subscriber.id, objection.versionNumber, subscriber.email,
                objection.resolvedAt);
        return view(objection);
    }

    /** What the receipt and the resolution mail of an objection say; {@code noticeId} is the notice it was made from. */
    public record MailFacts(int version, String summary, Instant effectiveAt, List<String> subprocessors, String reason,
                            Instant receivedAt, String outcome, String resolutionNote, UUID noticeId) {
    }

    @Transactional
    public MailFacts mailFacts(UUID subscriber, int version) {
        Objection objection = objections.of(subscriber, version).orElseThrow();
        VersionHeader header = versions.require(version);
        ObjectionView view = view(objection);
        return new MailFacts(version, header.summary(), header.effectiveAt(),
                view.subprocessors().stream().map(ObjectionView.Objected::name).toList(), objection.reason,
                objection.receivedAt, objection.outcome == null ? null : outcomeWords(objection.outcome),
                objection.resolutionNote, objection.noticeId);
    }

    /** An outcome as the subscriber reads it. */
    public static String outcomeWords(Objection.Outcome outcome) {
        return switch (outcome) {
            case UPHELD -> "upheld";
            case REJECTED -> "rejected, the change goes ahead";
            case WITHDRAWN -> "withdrawn";
        };
    }

    /**
     * Objections close when the version takes effect; an emergency keeps them open for its notice
     * period from publication ({@link VersionHeader#objectionDeadline()}).
     */
    public static Instant deadline(VersionHeader version) {
        return version.objectionDeadline();
    }

    /**
     * A customer's contact objects within its contract's window: until the effective date, or
     * {@code objectionWindowDays} after the customer was notified if that ends first.
     */
    private Instant deadline(VersionHeader version, Subscriber subscriber, Instant now) {
        if (subscriber.customerId == null) {
            return deadline(version);
        }
        return contracts.of(subscriber.customerId, version.number())
                .map(terms -> terms.objectionDeadline(deadline(version), now))
                .orElse(deadline(version));
    }

    private ClosedReason closedReason(VersionHeader version, Instant deadline, Subscriber subscriber,
                                      List<ObjectionForm.AddedSubprocessor> additions, Optional<Objection> existing, Instant now) {
        if (version.isWithdrawn()) {
            return ClosedReason.WITHDRAWN;
        }
        if (!deadline.isAfter(now)) {
            return ClosedReason.DEADLINE_PASSED;
        }
        if (subscriber.status != Subscriber.Status.CONFIRMED) {
            return ClosedReason.SUBSCRIPTION_ENDED;
        }
        if (additions.isEmpty()) {
            return ClosedReason.NOTHING_ADDED;
        }
        if (existing.isPresent()) {
            return existing.get().subscriberId.equals(subscriber.id) ? ClosedReason.YOU_OBJECTED : ClosedReason.ORGANISATION_OBJECTED;
        }
        return null;
    }

    /** The reason as the API and the service's refusals say it. */
    private static String inEnglish(ClosedReason reason, VersionHeader version, Instant deadline, Optional<Objection> existing) {
        return switch (reason) {
            case WITHDRAWN -> "version " + version.number() + " was withdrawn and will not take effect: there is nothing to object to";
            case DEADLINE_PASSED -> "the objection deadline for version " + version.number() + " passed on "
                    + ReadableDates.readable(deadline);
            case SUBSCRIPTION_ENDED -> "this subscription has ended";
            case NOTHING_ADDED -> "version " + version.number() + " adds no sub-processor to object to";
            case YOU_OBJECTED -> "you objected on " + ReadableDates.readable(existing.orElseThrow().receivedAt);
            case ORGANISATION_OBJECTED -> "your organisation objected on " + ReadableDates.readable(existing.orElseThrow().receivedAt)
                    + " (from another contact)";
        };
    }

    private List<ObjectionForm.AddedSubprocessor> additions(int version) {
        return versions.changesOf(version).stream()
                .map(RecordedChange::change)
                .filter(change -> change.type() == ChangeType.ADDED)
                .map(change -> new ObjectionForm.AddedSubprocessor(change.section(), change.entry()))
                .toList();
    }

    private Notice noticeOf(String token) {
        Notice notice = notices.findByTokenHash(TokenService.hash(TokenService.requireWellFormed(token)))
                .filter(found -> found.kind.carriesObjectionLink())
                .orElseThrow(() -> new ResourceNotFoundException("this objection link is not valid"));
        return notice;
    }

    private ObjectionView view(Objection objection) {
        Subscriber subscriber = subscribers.findById(objection.subscriberId);
        Map<UUID, String> names = versions.changesOf(objection.versionNumber).stream()
                .filter(change -> change.change().subprocessorId() != null)
                .collect(Collectors.toMap(change -> change.change().subprocessorId(), change -> change.change().name(),
                        (first, second) -> first));
        return new ObjectionView(objection.id, objection.versionNumber, subscriber.email, subscriber.organisation,
                List.of(objection.subprocessorIds).stream().map(id -> new ObjectionView.Objected(id, names.get(id))).toList(),
                objection.reason, objection.receivedAt, objection.outcome, objection.resolutionNote, objection.resolvedBy,
                objection.resolvedAt);
    }
}
