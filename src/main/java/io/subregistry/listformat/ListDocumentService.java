package io.subregistry.listformat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.subregistry.platform.RegistryConfig;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.subregistry.platform.CachedValues;
import io.subregistry.registry.version.PublishedList;
import io.subregistry.registry.version.PublishedListService;
import io.subregistry.registry.version.VersionHeader;
import io.subregistry.registry.version.VersionQueries;
import io.subregistry.registry.version.VersionSignature;
import io.subregistry.registry.version.VersionSignatures;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Optional;

/**
 * Renders {@code /.well-known/subprocessors.json} once per version, as the public list is: a
 * version never changes, nor does its signature, so a read is the list's lookup plus a map lookup.
 */
@ApplicationScoped
public class ListDocumentService {

    static final String CACHE = "list-documents";

    public static final String PATH = "/.well-known/subprocessors.json";
    public static final String SCHEMA_PATH = "/schemas/subprocessor-list/v1.json";

    private final PublishedListService lists;
    private final VersionQueries versions;
    private final VersionSignatures signatures;
    private final ObjectMapper json;
    private final ListDocument.Company company;
    private final String baseUrl;
    private final Cache rendered;

    /** One version's document, ready to send. */
    public record Rendered(int version, String etag, byte[] body) {
    }

    public ListDocumentService(PublishedListService lists, VersionQueries versions, VersionSignatures signatures,
                               ObjectMapper json, CompanyConfig company, RegistryConfig config,
                               @CacheName(CACHE) Cache rendered) {
        this.rendered = rendered;
        this.lists = lists;
        this.versions = versions;
        this.signatures = signatures;
        this.json = json;
        this.company = new ListDocument.Company(company.name(), company.url().orElse(null));
        this.baseUrl = config.publicBaseUrl().replaceAll("/+$", "");
    }

    /** The document of the version in force now; empty when nothing is in force yet. */
    public Optional<Rendered> current() {
        return of(lists.current());
    }

    public Optional<Rendered> inForceAt(Instant moment) {
        return of(lists.inForceAt(moment));
    }

    private Optional<Rendered> of(PublishedListService.Rendered list) {
        if (list.version() == null) {
            return Optional.empty();
        }
        PublishedList published = list.list();
        return Optional.of(CachedValues.get(rendered, list.version(), number -> render(versions.require(number), published,
                signatures.of(number).orElse(null))));
    }

    private Rendered render(VersionHeader header, PublishedList list, VersionSignature signature) {
        int n = header.number();
        ListDocument document = new ListDocument(url(SCHEMA_PATH), ListDocument.FORMAT, company, n,
                header.effectiveAt(), header.publishedAt(), header.hash(), header.previousHash(), signature,
                list.sections().stream().map(section -> new ListDocument.Section(section.key(), section.title(),
                        section.description(), section.note(), section.subprocessors().stream()
                        .map(entry -> new ListDocument.Entry(entry.id(), entry.name(), entry.legalAddress(),
                                entry.location(), entry.processingActivity(), entry.website(), entry.dataCategories(),
                                entry.transferMechanism(), entry.dpaUrl(), entry.isNew()))
                        .toList())).toList(),
                new ListDocument.Links(url(PATH), url("/"), url("/api/v1/versions/" + n), url("/api/v1/versions"),
                        n > 1 ? url("/api/v1/diff?from=" + (n - 1) + "&to=" + n) : null, url("/feed.atom"),
                        url("/api/v1/upcoming"), url(SCHEMA_PATH), url("/.well-known/subprocessor-keys.json")));
        try {
            return new Rendered(n, "\"wk-v" + n + "-" + header.hash().substring(0, 16) + "\"", json.writeValueAsBytes(document));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not render version " + n, e);
        }
    }

    private String url(String path) {
        return baseUrl + path;
    }

}
