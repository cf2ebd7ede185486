package io.subregistry.customer;

import io.subregistry.audit.AuditAction;
import io.subregistry.audit.AuditLog;
import io.subregistry.diff.Change;
import io.subregistry.diff.ChangeType;
import io.subregistry.diff.Diff;
import io.subregistry.notice.ContactTerms;
import io.subregistry.platform.RegistryConfig;
import io.subregistry.platform.error.RuleViolationException;
import io.subregistry.registry.version.ContractedNotice;
import io.subregistry.registry.version.DraftPreview;
import io.subregistry.registry.version.PublishService;
import io.subregistry.registry.version.VersionHeader;
import io.subregistry.registry.version.VersionPublished;
import io.subregistry.registry.version.VersionQueries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Customers' contracts where publishing and notices meet them: which date the strictest
 * contract allows, refusing a publish that breaches one, recording the obligations a version
 * creates (in its publishing transaction), and the terms the notices to contacts state.
 * A version needs notice when it adds a sub-processor (as the registry's own notice period);
 * it concerns a customer whose sections include a section it adds to.
 */
@ApplicationScoped
public class Contracts implements ContractedNotice, ContactTerms {

    private static final int NAMED_IN_REFUSAL = 5;

    private final ObligationRepository obligations;
    private final Instance<PublishService> publisher;
    private final VersionQueries versions;
    private final AuditLog audit;
    private final CustomerConfig config;
    private final RegistryConfig registry;
    private final Clock clock;

    public Contracts(ObligationRepository obligations, Instance<PublishService> publisher, VersionQueries versions,
                     AuditLog audit, CustomerConfig config, RegistryConfig registry, Clock clock) {
        this.obligations = obligations;
        this.publisher = publisher;
        this.versions = versions;
        this.audit = audit;
        this.config = config;
        this.registry = registry;
        this.clock = clock;
    }

    /** The sections a diff adds sub-processors to: those whose customers must be given notice. */
    static Set<String> addedSections(Diff diff) {
        return diff.ofType(ChangeType.ADDED).stream().map(Change::section).collect(Collectors.toCollection(TreeSet::new));
    }

    @Override
    public void check(Diff diff, Instant publishedAt, Instant effectiveAt, String emergencyReason) {
        Set<String> sections = addedSections(diff);
        if (sections.isEmpty() || emergencyReason != null) {
            return;
        }
        List<ObligationRepository.Binding> breached = obligations.breached(sections, publishedAt, effectiveAt);
        if (breached.isEmpty()) {
            return;
        }
        int days = breached.get(0).noticePeriodDays();
        String named = breached.stream().limit(NAMED_IN_REFUSAL)
                .map(customer -> customer.name() + " (" + customer.noticePeriodDays() + " days)")
                .collect(Collectors.joining(", "));
        String more = breached.size() > NAMED_IN_REFUSAL ? " and " + (breached.size() - NAMED_IN_REFUSAL) + " more" : "";
        throw new RuleViolationException("the contracts of " + named + more + " require more notice than "
                + NoticeTerms.givenDays(publishedAt, effectiveAt) + " days; the earliest effective date that breaches no"
                + " contract is " + publisher.get().rules().earliestDate(publishedAt, days)
                + ". Give an emergencyReason to publish sooner: the breached contracts are recorded on the version");
    }

    @Override
    @Transactional
    public List<Breach> breachesOf(int version) {
        return obligations.waived(version).stream()
                .map(row -> new Breach(row.customerId(), row.noticePeriodDays(), row.givenDays())).toList();
    }

    /** Records the version's obligations in its publishing transaction, and names breached contracts in the audit log. */
    void onPublished(@Observes VersionPublished event) {
        VersionHeader version = event.version();
        Set<String> sections = addedSections(event.diff());
        if (version.number() == 1 || sections.isEmpty()) {
            return;
        }
        boolean emergency = version.emergencyReason() != null;
        obligations.insert(version.number(), sections, version.publishedAt(), version.effectiveAt(), emergency);
        // A customer without a live contact is at risk at once.
        obligations.refresh(Instant.now(clock), config.riskLead(), version.number());
        if (emergency) {
            List<ObligationRepository.Row> waived = obligations.waived(version.number());
            if (!waived.isEmpty()) {
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("emergencyReason", version.emergencyReason());
                details.put("breaches", waived.stream().map(row -> Map.of("customerId", row.customerId().toString(),
                        "name", row.name(), "requiredDays", row.noticePeriodDays(), "givenDays", row.givenDays())).toList());
                audit.record(version.publisher(), AuditAction.CONTRACTS_BREACHED, "version " + version.number(), details);
            }
        }
    }

    /** The earliest lawful effective date of the draft as it is now. */
    @Transactional
    public EarliestDate earliest() {
        PublishService publish = publisher.get();
        DraftPreview preview = publish.preview();
        Instant now = Instant.now(clock);
        ZoneId zone = registry.zone();
        LocalDate floor = LocalDate.ofInstant(now, zone);
        if (preview.latestVersion() != null) {
            // effective dates never go backwards
            Instant previous = versions.require(preview.latestVersion()).effectiveAt();
            LocalDate day = LocalDate.ofInstant(previous, zone);
            LocalDate notBefore = day.atStartOfDay(zone).toInstant().isBefore(previous) ? day.plusDays(1) : day;
            floor = notBefore.isAfter(floor) ? notBefore : floor;
        }
        Set<String> sections = addedSections(preview.diff());
        if (preview.latestVersion() == null || sections.isEmpty()) {
            return new EarliestDate(floor, 0, List.of());
        }
        int days = (int) registry.noticePeriodDays();
        List<ObligationRepository.Binding> binding = obligations.strictest(sections);
        if (!binding.isEmpty() && binding.get(0).noticePeriodDays() > days) {
            days = binding.get(0).noticePeriodDays();
        } else {
            binding = List.of();
        }
        LocalDate date = publish.rules().earliestDate(now, days);
        return new EarliestDate(date.isAfter(floor) ? date : floor, days, binding);
    }

    /** The contracts publishing the draft on {@code date} as an emergency would breach. */
    @Transactional
    public List<ObligationRepository.Binding> breachedOn(LocalDate date) {
        Set<String> sections = addedSections(publisher.get().preview().diff());
        if (sections.isEmpty()) {
            return List.of();
        }
        return obligations.breached(sections, Instant.now(clock), date.atStartOfDay(registry.zone()).toInstant());
    }

    @Override
    @Transactional
    public Map<Key, Terms> of(Collection<Key> keys) {
        Map<Key, Terms> terms = new HashMap<>();
        if (keys.isEmpty()) {
            return terms;
        }
        Set<Key> wanted = Set.copyOf(keys);
        List<Integer> numbers = keys.stream().map(Key::version).distinct().toList();
        List<UUID> customers = keys.stream().map(Key::customerId).distinct().toList();
        for (ObligationRepository.Row row : obligations.of(numbers, customers)) {
            Key key = new Key(row.customerId(), row.version());
            if (!wanted.contains(key)) {
                continue;
            }
            Instant notified = row.notifiedAt();
            if (notified == null && keys.size() == 1) {
                // a link in a mail was followed before the status job recorded the notice
                notified = obligations.firstSent(row.version(), row.customerId());
            }
            terms.put(key, new Terms(row.name(), row.noticePeriodDays(), row.givenDays(),
                    row.status() == ObligationStatus.WAIVED, row.objectionWindowDays(), notified, row.acknowledgedAt()));
        }
        return terms;
    }
}
