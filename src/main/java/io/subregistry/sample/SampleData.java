package io.subregistry.sample;

import io.quarkus.runtime.StartupEvent;
import io.subregistry.audit.AuditAction;
import io.subregistry.audit.AuditLog;
import io.subregistry.brand.BrandService;
import io.subregistry.brand.BrandSettings;
import io.subregistry.customer.ContactInput;
import io.subregistry.customer.CustomerInput;
import io.subregistry.customer.CustomerService;
import io.subregistry.importer.ImportFormat;
import io.subregistry.importer.ImportService;
import io.subregistry.importer.ParsedPage;
import io.subregistry.platform.Precondition;
import io.subregistry.platform.RegistryConfig;
import io.subregistry.registry.draft.DraftImporter;
import io.subregistry.registry.draft.DraftService;
import io.subregistry.registry.draft.ImportedDraft;
import io.subregistry.registry.draft.ImportedDraft.ImportedEntry;
import io.subregistry.registry.draft.Revisions;
import io.subregistry.registry.version.EffectiveAt;
import io.subregistry.registry.version.PublishCommand;
import io.subregistry.registry.version.PublishService;
import io.subregistry.registry.version.VersionRepository;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The example list (the page in {@code sample/subprocessors-page.txt}) loaded on first start, through
 * the same importer and publish rules users get: version 1 is every entry but the one the page
 * marks "New" (Gong.io); version 2 adds it, announced a month before it took effect on the page's
 * "Last updated" date.
 */
@ApplicationScoped
public class SampleData {

    private static final Logger LOG = Logger.getLogger(SampleData.class);
    private static final String ACTOR = "sample-data";
    /** Any constant: only one instance at a time may load the sample. */
    private static final long LOCK_KEY = 0x5ab1e_da7aL;

    private final ImportService importer;
    private final DraftService draft;
    private final DraftImporter drafts;
    private final PublishService publisher;
    private final VersionRepository versions;
    private final AuditLog audit;
    private final EntityManager entityManager;
    private final CustomerService customers;
    private final BrandService brand;

    public SampleData(ImportService importer, DraftService draft, DraftImporter drafts, PublishService publisher,
                      VersionRepository versions, AuditLog audit, EntityManager entityManager, CustomerService customers,
                      BrandService brand) {
        this.customers = customers;
        this.brand = brand;
        this.importer = importer;
        this.draft = draft;
        this.drafts = drafts;
        this.publisher = publisher;
        this.versions = versions;
        this.audit = audit;
        this.entityManager = entityManager;
    }

    void onStart(@Observes @Priority(20) StartupEvent event, RegistryConfig config) {
        if (config.sampleData() && loadIfEmpty(true)) {
            // only where no one saved a brand yet (and registry.brand.* in config still wins over it)
            brand.saveIfUnset(SAMPLE_BRAND, ACTOR);
            LOG.info("Loaded the sample sub-processor list (versions 1 and 2), three sample customers and a sample brand;"
                    + " set registry.sample-data=false to start empty");
        }
    }

    /**
     * A clearly fictional brand, so that a first look shows where the company's name, colour and
     * links go; its links lead to example.com and its colour passes the contrast check (6.2:1).
     */
    static final BrandSettings SAMPLE_BRAND = new BrandSettings("Acme Health (sample)", "#0f6e5a",
            "https://example.com/privacy", "https://example.com/dpa", "https://example.com/legal", "privacy@example.com",
            "Acme Health (sample) is a fictional company: set your own brand in the console under Settings.", "en");

    /** Loads the sample list (without customers, as tests want it) into an empty registry; returns whether it did. */
    @Transactional
    public boolean loadIfEmpty() {
        return loadIfEmpty(false);
    }

    /**
     * Loads the sample into an empty registry; with {@code withCustomers}, three clearly fictional
     * customers (30, 60 and 90 days' notice, example.test contacts) exist before version 2, so
     * the 30-day one, which covers the section version 2 adds to, has an obligation for it.
     */
    @Transactional
    public boolean loadIfEmpty(boolean withCustomers) {
        entityManager.createNativeQuery("select pg_advisory_xact_lock(" + LOCK_KEY + ")").getSingleResult();
        if (versions.count() > 0 || !draft.view().sections().isEmpty()) {
            return false;
        }
        importer.importFile(resource("sample/sections.json"), ImportFormat.JSON, ImportedDraft.Mode.MERGE, ACTOR);
        ParsedPage page = importer.parsePage(resource("sample/subprocessors-page.txt"));
        ImportedDraft full = importer.fromPage(page);
        Set<Integer> markedNew = new HashSet<>();
        page.entries().stream().filter(ParsedPage.PageEntry::markedNew).forEach(entry -> markedNew.add(entry.line()));
        List<ImportedEntry> initial = full.entries().stream().filter(entry -> !markedNew.contains(entry.line())).toList();

        LocalDate lastUpdated = page.lastUpdated() != null ? page.lastUpdated() : LocalDate.of(2026, 2, 2);
        long initialRevision = drafts.importDraft(new ImportedDraft(full.sections(), true, initial), ImportedDraft.Mode.REPLACE,
                ACTOR).revision();
        Instant firstPublished = lastUpdated.minusMonths(3).atStartOfDay().toInstant(ZoneOffset.UTC);
        publisher.publishAt(new PublishCommand(new EffectiveAt.AtInstant(firstPublished),
                "Initial list of sub-processors (sample data)", null, null, reviewed(initialRevision)), ACTOR, firstPublished);

        if (withCustomers) {
            sampleCustomers();
        }
        long fullRevision = drafts.importDraft(full, ImportedDraft.Mode.REPLACE, ACTOR).revision();
        Instant secondPublished = lastUpdated.minusDays(31).atTime(9, 0).toInstant(ZoneOffset.UTC);
        String added = String.join(", ", full.entries().stream().filter(entry -> markedNew.contains(entry.line()))
                .map(entry -> entry.input().name()).toList());
        publisher.publishAt(new PublishCommand(new EffectiveAt.OnDate(lastUpdated),
                "Adds " + added + " (sample data)", null, null, reviewed(fullRevision)), ACTOR, secondPublished);
        audit.record(ACTOR, AuditAction.SAMPLE_DATA_LOADED, "registry", Map.of("versions", 2));
        return true;
    }

    private void sampleCustomers() {
        customers.create(new CustomerInput("Example Hospital Group (sample)", "SAMPLE-90", 90, 14, List.of("product", "support"),
                List.of(new ContactInput("dpo@hospital.example.test", "Dana DPO", "en"),
                        new ContactInput("legal@hospital.example.test", null, null))), ACTOR);
        customers.create(new CustomerInput("Example Retail Co (sample)", "SAMPLE-60", 60, null, List.of("product"),
                List.of(new ContactInput("privacy@retail.example.test", null, "de"))), ACTOR);
        customers.create(new CustomerInput("Example Bank (sample)", "SAMPLE-30", 30, null, List.of(),
                List.of(new ContactInput("dpo@bank.example.test", null, null))), ACTOR);
    }

    /** The sample versions publish exactly what was just imported. */
    private static Precondition reviewed(long draftRevision) {
        return Precondition.of(Revisions.ofDraft(draftRevision));
    }

    private static String resource(String path) {
        try (InputStream in = SampleData.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
