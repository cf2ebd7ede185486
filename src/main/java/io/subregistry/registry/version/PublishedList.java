package io.subregistry.registry.version;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The list in force at some moment, as the public sees it: each entry says whether it is new. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PublishedList(Integer version, LocalDate lastUpdated, Instant effectiveAt, String hash,
                            List<ListedSection> sections) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ListedSection(String key, String title, String description, String note,
                                List<ListedSubprocessor> subprocessors) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ListedSubprocessor(UUID id, String name, String legalAddress, String location,
                                     String processingActivity, String website, String dataCategories,
                                     String transferMechanism, String dpaUrl,
                                     @JsonProperty("new") @JsonInclude(JsonInclude.Include.ALWAYS) boolean isNew) {
    }
}
