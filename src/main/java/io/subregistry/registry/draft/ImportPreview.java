package io.subregistry.registry.draft;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.subregistry.diff.Change;
import io.subregistry.diff.ChangeType;
import io.subregistry.diff.Diff;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an import would do to the draft, computed by applying it and rolling back: the diff from
 * the draft as it is to the draft as it would be, its counts, and the draft revision it was
 * computed from (apply with that revision, so the preview cannot apply over newer edits).
 *
 * @param unchanged entries of the draft the import leaves exactly as they are
 */
public record ImportPreview(ImportedDraft.Mode mode, long revision, int added, int changed, int removed, int unchanged,
                            int sectionChanges, List<Change> changes, @JsonIgnore Map<String, String> sectionTitles) {

    static ImportPreview of(ImportedDraft.Mode mode, long revision, Diff diff, int entriesAfter,
                            Map<String, String> sectionTitles) {
        int added = diff.ofType(ChangeType.ADDED).size();
        int removed = diff.ofType(ChangeType.REMOVED).size();
        int changed = (int) diff.changes().stream()
                .filter(change -> change.type() == ChangeType.MODIFIED || change.type() == ChangeType.MOVED)
                .map(Change::subprocessorId).filter(Objects::nonNull).distinct().count();
        int sections = (int) diff.changes().stream().filter(change -> change.subprocessorId() == null).count();
        return new ImportPreview(mode, revision, added, changed, removed, entriesAfter - added - changed, sections,
                diff.changes(), sectionTitles);
    }

    /** The ETag of the revision to apply with. */
    public String etag() {
        return Revisions.ofDraft(revision);
    }

    public boolean changesNothing() {
        return changes.isEmpty();
    }
}
