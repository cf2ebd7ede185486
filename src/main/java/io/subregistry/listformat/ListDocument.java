package io.subregistry.listformat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.subregistry.registry.version.VersionSignature;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The machine-readable list, format {@code subprocessor-list/v1}: its JSON Schema is
 * /schemas/subprocessor-list/v1.json. Every member is always present (null when empty), so a
 * tool never has to guess whether a field was left out or does not exist.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"$schema", "format", "company", "version", "effectiveAt", "publishedAt", "hash", "previousHash",
        "signature", "sections", "links"})
public record ListDocument(@JsonProperty("$schema") String schema, String format, Company company, int version,
                           Instant effectiveAt, Instant publishedAt, String hash, String previousHash,
                           VersionSignature signature, List<Section> sections, Links links) {

    public static final String FORMAT = "subprocessor-list/v1";

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Company(String name, String url) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Section(String key, String title, String description, String note, List<Entry> entries) {
    }

    /** An entry; {@code new}: the version in force added it. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonPropertyOrder({"id", "name", "legalAddress", "location", "processingActivity", "website", "dataCategories",
            "transferMechanism", "dpaUrl", "new"})
    public record Entry(UUID id, String name, String legalAddress, String location, String processingActivity,
                        String website, String dataCategories, String transferMechanism, String dpaUrl,
                        @JsonProperty("new") boolean isNew) {
    }

    /** Absolute links; {@code diff} compares this version with the one before (null for version 1). */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Links(String self, String page, String version, String history, String diff, String feed,
                        String upcoming, String schema, String keys) {
    }
}
