package io.subregistry.registry.draft;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The draft as staff see it: every part with the revision to quote in If-Match. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DraftView(long revision, Instant updatedAt, String updatedBy, List<SectionView> sections) {

    @JsonIgnore
    public String etag() {
        return Revisions.ofDraft(revision);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SectionView(String key, String title, String description, String note, int position, long revision,
                              List<EntryView> subprocessors) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EntryView(UUID id, String section, String name, String legalAddress, String location,
                            String processingActivity, String website, String dataCategories,
                            String transferMechanism, String dpaUrl, long revision) {

        static EntryView of(DraftSubprocessor entry, String sectionKey) {
            return new EntryView(entry.id, sectionKey, entry.name, entry.legalAddress, entry.location,
                    entry.processingActivity, entry.website, entry.dataCategories, entry.transferMechanism,
                    entry.dpaUrl, entry.revision);
        }

        @JsonIgnore
        public String etag() {
            return Revisions.ofEntry(revision);
        }
    }
}
