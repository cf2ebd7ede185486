package io.subregistry.web;

import io.subregistry.diff.ChangeLines;
import io.subregistry.diff.ChangeLines.ChangeLine;
import io.subregistry.platform.RegistryConfig;
import io.subregistry.registry.version.ChangeEventRepository;
import io.subregistry.registry.version.RecordedChange;
import io.subregistry.registry.version.VersionQueries;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** An Atom feed (RFC 4287) of the newest change events; entry ids never change. */
@Path("/feed.atom")
@PermitAll
public class FeedResource {

    static final String ATOM = "application/atom+xml";
    private static final int ENTRIES = 100;
    private static final DateTimeFormatter READABLE = DateTimeFormatter.ofPattern("MMMM d, uuuu", Locale.ENGLISH);

    private final ChangeEventRepository changes;
    private final VersionQueries versions;
    private final RegistryConfig config;

    public FeedResource(ChangeEventRepository changes, VersionQueries versions, RegistryConfig config) {
        this.changes = changes;
        this.versions = versions;
        this.config = config;
    }

    /** The feed and its entries, ready to print. */
    public record Feed(String id, String updated, String baseUrl, List<Entry> entries) {
    }

    /** One change event. */
    public record Entry(String id, String title, String updated, int version, String kind, String text) {
    }

    @GET
    @Produces(ATOM)
    public Response feed() {
        String base = config.publicBaseUrl().replaceAll("/+$", "");
        String authority = URI.create(base).getHost() == null ? "localhost" : URI.create(base).getHost();
        List<RecordedChange> newest = changes.newest(ENTRIES);
        Map<Integer, Map<String, String>> titles = new HashMap<>();
        List<Entry> entries = newest.stream().map(recorded -> {
            Map<String, String> sectionTitles = titles.computeIfAbsent(recorded.version(), this::titles);
            ChangeLine line = ChangeLines.of(recorded.change(), sectionTitles);
            String effective = READABLE.format(LocalDate.ofInstant(recorded.effectiveAt(), config.zone()));
            String fields = line.fields().stream()
                    .map(field -> field.label() + ": " + (field.isChange() ? field.before() + " → " + field.after() : field.value()))
                    .collect(Collectors.joining("\n"));
            return new Entry("tag:" + authority + ",2025:subprocessors/version/" + recorded.version() + "/change/" + recorded.sequence(),
                    line.label() + ": " + line.name() + " (" + line.section() + ") — effective " + effective,
                    recorded.publishedAt().toString(), recorded.version(), line.kind(),
                    line.label() + ": " + line.name() + "\nSection: " + line.section()
                            + (line.fromSection() == null ? "" : " (moved from " + line.fromSection() + ")")
                            + "\nEffective: " + effective + (fields.isEmpty() ? "" : "\n" + fields));
        }).toList();
        Instant updated = newest.isEmpty() ? Instant.EPOCH : newest.get(0).publishedAt();
        Feed feed = new Feed("tag:" + authority + ",2025:subprocessors/feed", updated.toString(), base, entries);
        return Response.ok(Pages.feed(feed).render(), ATOM + ";charset=UTF-8").build();
    }

    private Map<String, String> titles(int version) {
        Map<String, String> titles = new HashMap<>();
        versions.snapshot(version).sections().forEach(section -> titles.put(section.key(), section.title()));
        if (version > 1) {
            versions.snapshot(version - 1).sections().forEach(section -> titles.putIfAbsent(section.key(), section.title()));
        }
        return titles;
    }
}
