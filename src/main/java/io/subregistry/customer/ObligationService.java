package io.subregistry.customer;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.subregistry.audit.AuditAction;
import io.subregistry.audit.AuditLog;
import io.subregistry.diff.ChangeLines;
import io.subregistry.notice.MaskedEmail;
import io.subregistry.notice.Notice;
import io.subregistry.notice.NoticeRepository;
import io.subregistry.notice.Subscriber;
import io.subregistry.notice.SubscriberRepository;
import io.subregistry.notice.TokenService;
import io.subregistry.notice.objection.ObjectionService;
import io.subregistry.notice.objection.ObjectionView;
import io.subregistry.platform.error.ResourceNotFoundException;
import io.subregistry.registry.version.RecordedChange;
import io.subregistry.registry.version.VersionHeader;
import io.subregistry.registry.version.VersionQueries;
import io.subregistry.terms.ChangeTerms;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Obligations as time passes and people act: the status job, acknowledgements, and the reports
 * and evidence that prove, per customer, that its contractual notice arrived in time.
 */
@ApplicationScoped
public class ObligationService {

    private static final Logger LOG = Logger.getLogger(ObligationService.class);
    /** Any constant: one instance at a time runs the status job; the others skip their turn. */
    private static final long STATUS_JOB_LOCK = 0x0b11_6a7eL;

    private final ObligationRepository obligations;
    private final CustomerService customers;
    private final NoticeRepository notices;
    private final SubscriberRepository subscribers;
    private final ObjectionService objections;
    private final VersionQueries versions;
    private final Contracts contracts;
    private final AuditLog audit;
    private final CustomerConfig config;
    private final Event<ObligationAtRisk> atRisk;
    private final EntityManager entityManager;
    private final Clock clock;
    private final Map<ObligationStatus, AtomicLong> gauges = new EnumMap<>(ObligationStatus.class);
    private final Timer refreshTimer;
    private final ChangeTerms terms;

    public ObligationService(ObligationRepository obligations, CustomerService customers, NoticeRepository notices,
                             SubscriberRepository subscribers, ObjectionService objections, VersionQueries versions,
                             Contracts contracts, AuditLog audit, CustomerConfig config, Event<ObligationAtRisk> atRisk,
                             EntityManager entityManager, Clock clock, MeterRegistry metrics, ChangeTerms terms) {
        this.obligations = obligations;
        this.customers = customers;
        this.notices = notices;
        this.subscribers = subscribers;
        this.objections = objections;
        this.versions = versions;
        this.contracts = contracts;
        this.audit = audit;
        this.config = config;
        this.atRisk = atRisk;
        this.entityManager = entityManager;
        this.clock = clock;
        this.terms = terms; // English, like the rest of the evidence
        this.refreshTimer = Timer.builder("registry.obligations.refresh")
                .description("One run of the obligation status job (statuses, acknowledgement reminders, gauges)")
                .publishPercentiles(0.5, 0.99).register(metrics);
        for (ObligationStatus status : ObligationStatus.values()) {
            AtomicLong value = new AtomicLong();
            gauges.put(status, value);
            Gauge.builder("registry.obligations", value, AtomicLong::get)
                    .description("Obligations of versions not yet in effect, by status (as of the last status job)")
                    .tag("status", status.name()).register(metrics);
        }
    }

    /** What one run of the status job did. */
    public record Refresh(boolean ran, int changed, int newlyAtRisk, int ackReminders) {
    }

    /**
     * Moves every open obligation to its status as of now (one statement), queues the
     * acknowledgement reminders that are due, and updates the gauges. An advisory lock lets one
     * instance at a time do it; another instance finding it taken skips its turn.
     */
    @Transactional
    public Refresh refresh() {
        boolean locked = (Boolean) entityManager.createNativeQuery("select pg_try_advisory_xact_lock(" + STATUS_JOB_LOCK + ")")
                .getSingleResult();
        if (!locked) {
            return new Refresh(false, 0, 0, 0);
        }
        Timer.Sample started = Timer.start();
        Instant now = Instant.now(clock);
        List<ObligationRepository.Changed> changed = obligations.refresh(now, config.riskLead(), null);
        List<ObligationRepository.Changed> risky = changed.stream()
                .filter(change -> change.status() == ObligationStatus.AT_RISK).toList();
        risky.forEach(change -> atRisk.fire(new ObligationAtRisk(change.version(), change.customerId(),
                change.customerName(), change.dueBy())));
        int reminders = obligations.queueAckReminders(now, config.ackReminderAfter());
        obligations.upcomingTotals(now).forEach((status, count) -> gauges.get(status).set(count));
        started.stop(refreshTimer);
        if (!changed.isEmpty() || reminders > 0) {
            LOG.infof("Obligations: %d changed status (%d now at risk), %d acknowledgement reminder(s) queued",
                    changed.size(), risky.size(), reminders);
        }
        return new Refresh(true, changed.size(), risky.size(), reminders);
    }

    @Transactional
    public ObligationReport report(int version) {
        versions.require(version);
        List<ObligationRepository.Row> rows = obligations.ofVersion(version);
        Map<UUID, List<ObligationReport.ContactNotice>> contacts = obligations.contactNoticesOfVersion(version).stream()
                .collect(Collectors.groupingBy(ObligationRepository.ContactNotice::customerId,
                        Collectors.mapping(ObligationService::contactNotice, Collectors.toList())));
        Map<ObligationStatus, Long> totals = ObligationRepository.zeroTotals();
        List<ObligationReport.Obligation> shown = new ArrayList<>(rows.size());
        for (ObligationRepository.Row row : rows) {
            totals.merge(row.status(), 1L, Long::sum);
            shown.add(new ObligationReport.Obligation(row.customerId(), row.name(), row.reference(), row.noticePeriodDays(),
                    row.dueBy(), row.givenDays(), row.notifiedAt(), row.acknowledgedAt(), row.acknowledgedBy(), row.status(),
                    contacts.getOrDefault(row.customerId(), List.of())));
        }
        return new ObligationReport(version, totals, shown);
    }

    @Transactional
    public CustomerEvidence evidence(UUID customerId) {
        CustomerView customer = customers.require(customerId);
        Map<Integer, List<ObligationReport.ContactNotice>> notices = obligations.noticesOfCustomer(customerId).stream()
                .collect(Collectors.groupingBy(ObligationRepository.ContactNotice::version,
                        Collectors.mapping(ObligationService::contactNotice, Collectors.toList())));
        Map<Integer, List<CustomerEvidence.WebhookNotice>> webhooks = obligations.webhookNoticesOfCustomer(customerId).stream()
                .collect(Collectors.groupingBy(ObligationRepository.WebhookNotice::version,
                        Collectors.mapping(ObligationService::webhookNotice, Collectors.toList())));
        Map<Integer, List<CustomerEvidence.Objection>> objected = objections.ofCustomer(customerId).stream()
                .collect(Collectors.groupingBy(ObjectionView::version, Collectors.mapping(ObligationService::objection,
                        Collectors.toList())));
        List<CustomerEvidence.Entry> entries = new ArrayList<>();
        for (ObligationRepository.Row row : obligations.ofCustomer(customerId)) {
            VersionHeader header = versions.require(row.version());
            List<String> changes = versions.changesOf(row.version()).stream().map(RecordedChange::change)
                    .filter(change -> customer.sections().isEmpty() || customer.sections().contains(change.section())
                            || (change.fromSection() != null && customer.sections().contains(change.fromSection())))
                    .map(change -> ChangeLines.of(change, Map.of()))
                    .map(line -> terms.change(line.type()) + ": " + line.name() + " (" + line.section() + ")")
                    .toList();
            entries.add(new CustomerEvidence.Entry(row.version(), header.summary(), header.publishedAt(),
                    header.effectiveAt(), header.emergencyReason(), changes, row.noticePeriodDays(), row.givenDays(),
                    row.dueBy(), row.status(), row.notifiedAt(), row.acknowledgedAt(), row.acknowledgedBy(),
                    notices.getOrDefault(row.version(), List.of()), webhooks.getOrDefault(row.version(), List.of()),
                    objected.getOrDefault(row.version(), List.of())));
        }
        return new CustomerEvidence(customer, Instant.now(clock), entries);
    }

    /** What an acknowledge link stands for; changes nothing. */
    @Transactional
    public AcknowledgementView acknowledgement(String token) {
        Target target = target(token);
        return view(target);
    }

    /** Records that a contact acknowledged receipt (the first acknowledgement of its customer counts). */
    @Transactional
    public AcknowledgementView acknowledge(String token) {
        Target target = target(token);
        Instant now = Instant.now(clock);
        if (obligations.acknowledge(target.version().number(), target.contact().customerId, target.contact().email, now) == 1) {
            audit.record("contact " + MaskedEmail.of(target.contact().email), AuditAction.NOTICE_ACKNOWLEDGED,
                    "version " + target.version().number(), Map.of("customerId", target.contact().customerId.toString()));
        }
        return view(target);
    }

    private record Target(Subscriber contact, VersionHeader version) {
    }

    private Target target(String token) {
        Notice notice = notices.findByTokenHash(TokenService.hash(TokenService.requireWellFormed(token)))
                .filter(found -> found.kind.carriesObjectionLink())
                .orElseThrow(() -> new ResourceNotFoundException("this acknowledge link is not valid"));
        Subscriber contact = subscribers.findById(notice.subscriberId);
        if (contact.customerId == null || contracts.of(contact.customerId, notice.versionNumber).isEmpty()) {
            throw new ResourceNotFoundException("this notice asks for no acknowledgement");
        }
        return new Target(contact, versions.require(notice.versionNumber));
    }

    private AcknowledgementView view(Target target) {
        VersionHeader version = target.version();
        var terms = contracts.of(target.contact().customerId, version.number()).orElseThrow();
        return new AcknowledgementView(version.number(), version.summary(), version.effectiveAt(), terms.customer(),
                terms.objectionDeadline(version.effectiveAt(), Instant.now(clock)), terms.acknowledgedAt(),
                terms.acknowledgedAt() == null ? null : obligations.of(List.of(version.number()),
                        List.of(target.contact().customerId)).get(0).acknowledgedBy());
    }

    private static CustomerEvidence.WebhookNotice webhookNotice(ObligationRepository.WebhookNotice delivery) {
        return new CustomerEvidence.WebhookNotice(delivery.url(), delivery.webhookId(), delivery.status(), delivery.deliveredAt(),
                delivery.attempts(), delivery.lastHttpStatus());
    }

    private static ObligationReport.ContactNotice contactNotice(ObligationRepository.ContactNotice row) {
        CustomerView.ContactStatus status = row.failed() ? CustomerView.ContactStatus.FAILED
                : "CONFIRMED".equals(row.subscriberStatus()) ? CustomerView.ContactStatus.LIVE
                : CustomerView.ContactStatus.UNSUBSCRIBED;
        return new ObligationReport.ContactNotice(row.email(), status, row.kind(), row.noticeStatus(), row.sentAt(),
                row.messageId());
    }

    private static CustomerEvidence.Objection objection(ObjectionView view) {
        return new CustomerEvidence.Objection(view.email(), view.receivedAt(),
                view.subprocessors().stream().map(ObjectionView.Objected::name).toList(), view.reason(),
                view.outcome() == null ? null : view.outcome().name(), view.resolutionNote(), view.resolvedBy(),
                view.resolvedAt());
    }
}
