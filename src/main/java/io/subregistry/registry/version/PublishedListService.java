package io.subregistry.registry.version;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.subregistry.diff.ChangeType;
import io.subregistry.platform.CachedValues;
import io.subregistry.platform.RegistryConfig;
import io.subregistry.platform.csv.CsvWriter;
import io.subregistry.registry.Section;
import io.subregistry.registry.Snapshot;
import io.subregistry.registry.Subprocessor;
import io.subregistry.registry.version.PublishedList.ListedSection;
import io.subregistry.registry.version.PublishedList.ListedSubprocessor;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Serves the public list from bytes rendered once per version (kept in the {@value #CACHE}
 * cache): a version never changes, so neither does its JSON or CSV, and a read is a cache
 * lookup plus a header.
 */
@ApplicationScoped
public class PublishedListService {

    public static final String CACHE = "published-lists";

    private static final Rendered NOTHING_PUBLISHED = new Rendered(null, "none",
            "{\"version\":null,\"sections\":[]}".getBytes(StandardCharsets.UTF_8),
            header().toString().getBytes(StandardCharsets.UTF_8), null);

    private final VersionQueries queries;
    private final ObjectMapper json;
    private final ZoneId zone;
    private final Cache rendered;
    private volatile CurrentList current;

    /** One version's list, ready to send: its bytes and their quoted ETags. */
    public record Rendered(Integer version, String etag, String csvEtag, byte[] json, byte[] csv, PublishedList list) {

        Rendered(Integer version, String unquotedEtag, byte[] json, byte[] csv, PublishedList list) {
            this(version, "\"" + unquotedEtag + "\"", "\"" + unquotedEtag + "-csv\"", json, csv, list);
        }

        public String jsonEtag() {
            return etag;
        }
    }

    public PublishedListService(VersionQueries queries, ObjectMapper json, RegistryConfig config,
                                @CacheName(CACHE) Cache rendered) {
        this.queries = queries;
        this.json = json;
        this.zone = config.zone();
        this.rendered = rendered;
    }

    public Rendered inForceAt(Instant moment) {
        return queries.inForceAt(moment).map(this::rendered).orElse(NOTHING_PUBLISHED);
    }

    /** A version's list as the public saw it while that version was in force. */
    public PublishedList version(int number) {
        return rendered(queries.require(number)).list();
    }

    public byte[] versionCsv(int number) {
        return rendered(queries.require(number)).csv();
    }

    /** The list in force: the same prepared bytes until the moment changes (see {@link VersionQueries#moment()}). */
    public Rendered current() {
        VersionQueries.Moment moment = queries.moment();
        CurrentList known = current;
        if (known != null && known.moment() == moment) {
            return known.rendered();
        }
        Rendered rendered = moment.current().map(this::rendered).orElse(NOTHING_PUBLISHED);
        current = new CurrentList(moment, rendered);
        return rendered;
    }

    /** The list in force if everything it takes is in memory already; empty rather than reading the database. */
    public Optional<Rendered> currentIfReady() {
        Optional<VersionQueries.Moment> moment = queries.momentIfLoaded();
        if (moment.isEmpty()) {
            return Optional.empty();
        }
        CurrentList known = current;
        if (known != null && known.moment() == moment.get()) {
            return Optional.of(known.rendered());
        }
        Optional<Rendered> ready = moment.get().current().isEmpty() ? Optional.of(NOTHING_PUBLISHED)
                : CachedValues.ifLoaded(rendered, moment.get().current().get().number());
        ready.ifPresent(list -> current = new CurrentList(moment.get(), list));
        return ready;
    }

    private record CurrentList(VersionQueries.Moment moment, Rendered rendered) {
    }

    private Rendered rendered(VersionHeader header) {
        return CachedValues.get(rendered, header.number(), number -> render(header));
    }

    private Rendered render(VersionHeader header) {
        Snapshot snapshot = queries.snapshot(header.number());
        // The first version is the initial list, not a change anyone was notified of: nothing in it is "New".
        Set<UUID> added = header.number() == 1 ? Set.of() : queries.changesOf(header.number()).stream()
                .filter(change -> change.change().type() == ChangeType.ADDED)
                .map(change -> change.change().subprocessorId())
                .collect(Collectors.toSet());
        List<ListedSection> sections = snapshot.sections().stream()
                .map(section -> new ListedSection(section.key(), section.title(), section.description(), section.note(),
                        section.subprocessors().stream().map(entry -> listed(entry, added.contains(entry.id()))).toList()))
                .toList();
        PublishedList list = new PublishedList(header.number(), LocalDate.ofInstant(header.effectiveAt(), zone),
                header.effectiveAt(), header.hash(), sections);
        try {
            return new Rendered(header.number(), "v" + header.number() + "-" + header.hash().substring(0, 16),
                    json.writeValueAsBytes(list), csv(snapshot, added).getBytes(StandardCharsets.UTF_8), list);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not render version " + header.number(), e);
        }
    }

    private static ListedSubprocessor listed(Subprocessor entry, boolean isNew) {
        return new ListedSubprocessor(entry.id(), entry.name(), entry.legalAddress(), entry.location(),
                entry.processingActivity(), entry.website(), entry.dataCategories(), entry.transferMechanism(),
                entry.dpaUrl(), isNew);
    }

    private static CsvWriter header() {
        return new CsvWriter().row("section", "sectionTitle", "id", "name", "legalAddress", "location",
                "processingActivity", "website", "dataCategories", "transferMechanism", "dpaUrl", "new");
    }

    private static String csv(Snapshot snapshot, Set<UUID> added) {
        CsvWriter csv = header();
        for (Section section : snapshot.sections()) {
            for (Subprocessor entry : section.subprocessors()) {
                csv.row(section.key(), section.title(), entry.id(), entry.name(), entry.legalAddress(), entry.location(),
                        entry.processingActivity(), entry.website(), entry.dataCategories(), entry.transferMechanism(),
                        entry.dpaUrl(), added.contains(entry.id()));
            }
        }
        return csv.toString();
    }
}
