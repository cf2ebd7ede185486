package io.subregistry.registry.draft;

import java.util.List;
import java.util.UUID;

/**
 * A parsed, validated file to load into the draft.
 *
 * @param sectionsComplete whether the file describes every section (JSON, page text) or only
 *                         entries (CSV); only a complete file removes the sections it omits
 */
public record ImportedDraft(List<ImportedSection> sections, boolean sectionsComplete, List<ImportedEntry> entries) {

    /** A section and the line of the file it came from (0 when the format has no lines). */
    public record ImportedSection(int line, SectionInput section) {
    }

    /** An entry, its stable id if the file gave one, and its line. */
    public record ImportedEntry(int line, UUID id, SubprocessorInput input) {
    }

    /** REPLACE makes the draft equal to the file; MERGE only adds and updates. */
    public enum Mode { REPLACE, MERGE }

    /** What an import did. */
    public record Result(int sectionsCreated, int sectionsUpdated, int sectionsRemoved,
                         int added, int updated, int removed, int unchanged, long revision) {
    }
}
