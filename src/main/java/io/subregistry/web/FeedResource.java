package io.subregistry.web;

import io.subregistry.brand.Brand;
import io.subregistry.brand.BrandService;
import io.subregistry.diff.ChangeLines;
import io.subregistry.diff.ChangeLines.ChangeLine;
import io.subregistry.diff.ChangeLines.FieldLine;
import io.subregistry.platform.ReadableDates;
import io.subregistry.platform.RegistryConfig;
import io.subregistry.registry.version.RecordedChange;
import io.subregistry.registry.version.VersionQueries;
import io.subregistry.terms.ChangeTerms;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An Atom feed (RFC 4287) of the newest change events; entry ids never change. Its title carries
 * the brand ("Acme Health — Sub-processor changes"); the feed is in English whatever the reader's
 * language: a feed reader polls one address for everyone, and a subscriber can choose German or
 * French for the mails instead.
 */
@Path("/feed.atom")
@PermitAll
public class FeedResource {

    static final String ATOM = "application/atom+xml";
    private static final int ENTRIES = 100;

    private final VersionQueries versions;
    private final SectionTitles titles;
    private final RegistryConfig config;
    private final BrandService brand;
    private final ChangeTerms terms;

    /** {@code terms} is the English bundle: the feed is English. */
    public FeedResource(VersionQueries versions, SectionTitles titles, RegistryConfig config, BrandService brand,
                        ChangeTerms terms) {
        this.versions = versions;
        this.titles = titles;
        this.config = config;
        this.brand = brand;
        this.terms = terms;
    }

    /** The feed and its entries, ready to print. */
    public record Feed(String id, String title, String author, String updated, String baseUrl, List<Entry> entries) {
    }

    /** One change event. */
    public record Entry(String id, String title, String updated, int version, String kind, String text) {
    }

    @GET
    @Produces(ATOM)
    public Response feed() {
        String base = config.publicBaseUrl().replaceAll("/+$", "");
        String authority = URI.create(base).getHost() == null ? "localhost" : URI.create(base).getHost();
        List<RecordedChange> newest = versions.newestChanges(ENTRIES);
        Map<Integer, Map<String, String>> titlesByVersion = new HashMap<>();
        List<Entry> entries = newest.stream().map(recorded -> {
            Map<String, String> sectionTitles = titlesByVersion.computeIfAbsent(recorded.version(), titles::of);
            ChangeLine line = ChangeLines.of(recorded.change(), sectionTitles);
            String effective = ReadableDates.readable(LocalDate.ofInstant(recorded.effectiveAt(), config.zone()));
            String label = terms.change(line.type());
            String fields = line.fields().stream()
                    .map(field -> fieldLabel(field) + ": " + (field.isChange() ? orNone(field.before()) + " → " + orNone(field.after())
                            : field.value()))
                    .collect(Collectors.joining("\n"));
            return new Entry("tag:" + authority + ",2025:subprocessors/version/" + recorded.version() + "/change/" + recorded.sequence(),
                    label + ": " + line.name() + " (" + line.section() + ") — effective " + effective,
                    recorded.publishedAt().toString(), recorded.version(), line.kind(),
                    label + ": " + line.name() + "\n" + terms.section() + ": " + line.section()
                            + (line.fromSection() == null ? "" : " (" + terms.movedFrom(line.fromSection()) + ")")
                            + "\nEffective: " + effective + (fields.isEmpty() ? "" : "\n" + fields));
        }).toList();
        Instant updated = newest.isEmpty() ? Instant.EPOCH : newest.get(0).publishedAt();
        Brand current = brand.current();
        Feed feed = new Feed("tag:" + authority + ",2025:subprocessors/feed", current.title("Sub-processor changes"),
                current.companyName() == null ? "Sub-processor Registry" : current.companyName(), updated.toString(), base, entries);
        return Response.ok(Pages.feed(feed).render(), ATOM + ";charset=UTF-8").build();
    }

    private String fieldLabel(FieldLine field) {
        return field.entryField() != null ? terms.field(field.entryField()) : terms.sectionField(field.sectionField());
    }

    private String orNone(String value) {
        return value == null ? terms.none() : value;
    }
}
