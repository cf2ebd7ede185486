package io.subregistry.registry.draft;

import io.subregistry.audit.AuditAction;
import io.subregistry.audit.AuditLog;
import io.subregistry.diff.SnapshotDiff;
import io.subregistry.platform.Precondition;
import io.subregistry.platform.error.InvalidInputException;
import io.subregistry.platform.error.StaleRevisionException;
import io.subregistry.registry.Section;
import io.subregistry.registry.Snapshot;
import io.subregistry.registry.version.DraftPreview;
import io.subregistry.registry.version.VersionQueries;
import io.subregistry.platform.error.RegistryException.Violation;
import io.subregistry.platform.error.RuleViolationException;
import io.subregistry.registry.Subprocessor;
import io.subregistry.registry.draft.ImportedDraft.ImportedEntry;
import io.subregistry.registry.draft.ImportedDraft.ImportedSection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Loads a parsed file into the draft (replace or merge), keeping entry ids stable across
 * re-imports, and says how many sections and entries it created, changed and removed.
 */
@ApplicationScoped
public class DraftImporter {

    private final DraftRepository drafts;
    private final DraftSectionRepository sections;
    private final DraftSubprocessorRepository entries;
    private final AuditLog audit;
    private final Clock clock;
    private final PublishableDraftSource snapshots;
    private final VersionQueries versions;
    private final TransactionSynchronizationRegistry transactions;

    public DraftImporter(DraftRepository drafts, DraftSectionRepository sections, DraftSubprocessorRepository entries,
                         AuditLog audit, Clock clock, PublishableDraftSource snapshots, VersionQueries versions,
                         TransactionSynchronizationRegistry transactions) {
        this.drafts = drafts;
        this.sections = sections;
        this.entries = entries;
        this.audit = audit;
        this.clock = clock;
        this.snapshots = snapshots;
        this.versions = versions;
        this.transactions = transactions;
    }

    /**
     * Loads a parsed file in one transaction: either all of it or (on any error) nothing.
     * Entries are matched to the draft by id, else by name within the section, else by a name
     * that is unique in the draft (an entry that moved), so ids stay stable across re-imports.
     */
    @Transactional
    public ImportedDraft.Result importDraft(ImportedDraft file, ImportedDraft.Mode mode, String actor) {
        return importDraft(file, mode, actor, Precondition.NONE);
    }

    /**
     * Applies a file only if the draft is still at the revision {@code expected} names (the one
     * its preview was computed from): 412 otherwise. {@link Precondition#NONE} applies to any revision.
     */
    @Transactional
    public ImportedDraft.Result importDraft(ImportedDraft file, ImportedDraft.Mode mode, String actor, Precondition expected) {
        DraftState draft = drafts.lockForChange();
        if (expected.namesARevision() && !expected.allows(Revisions.ofDraft(draft.revision))) {
            throw new StaleRevisionException("the draft changed since this import was previewed (now "
                    + Revisions.ofDraft(draft.revision) + "); preview the file again");
        }
        return apply(draft, file, mode, actor);
    }

    /**
     * What importing the file would do: applies it in a transaction that is rolled back, and
     * compares the draft before and after. Nothing is written, not even the audit line.
     */
    @Transactional
    public ImportPreview preview(ImportedDraft file, ImportedDraft.Mode mode, String actor) {
        DraftState draft = drafts.lockForChange();
        long revision = draft.revision;
        Snapshot before = snapshots.snapshot();
        apply(draft, file, mode, actor);
        entries.flush();
        sections.flush();
        entries.getEntityManager().clear();
        Snapshot after = snapshots.snapshot();
        transactions.setRollbackOnly();
        return ImportPreview.of(mode, revision, SnapshotDiff.between(before, after), after.size(),
                DraftPreview.titles(after, before));
    }

    private ImportedDraft.Result apply(DraftState draft, ImportedDraft file, ImportedDraft.Mode mode, String actor) {
        List<DraftSection> ordered = new ArrayList<>(sections.inPageOrder());
        Map<String, DraftSection> byKey = new HashMap<>();
        ordered.forEach(section -> byKey.put(section.sectionKey, section));

        if (mode == ImportedDraft.Mode.MERGE) {
            file = withoutRowsAsPublished(file);
        }
        SectionCounts sectionCounts = applySections(file, mode, ordered, byKey);
        List<DraftSubprocessor> existing = entries.all();
        Map<DraftSubprocessor, ImportedEntry> matches = match(file.entries(), existing, byKey);

        int added = 0;
        int updated = 0;
        int unchanged = 0;
        int removed = 0;
        if (mode == ImportedDraft.Mode.REPLACE) {
            for (DraftSubprocessor entry : existing) {
                if (!matches.containsKey(entry)) {
                    entries.delete(entry);
                    removed++;
                }
            }
            entries.flush();
        }
        Set<ImportedEntry> matched = new HashSet<>(matches.values());
        for (Map.Entry<DraftSubprocessor, ImportedEntry> match : matches.entrySet()) {
            DraftSubprocessor entry = match.getKey();
            SubprocessorInput input = match.getValue().input();
            Subprocessor before = entry.toSubprocessor();
            UUID sectionBefore = entry.sectionId;
            entry.sectionId = byKey.get(input.section()).id;
            entry.setFields(input);
            if (SnapshotDiff.fieldChanges(before, entry.toSubprocessor()).isEmpty() && sectionBefore.equals(entry.sectionId)) {
                unchanged++;
            } else {
                entry.revision++;
                updated++;
            }
        }
        entries.flush();
        for (ImportedEntry imported : file.entries()) {
            if (!matched.contains(imported)) {
                DraftSubprocessor entry = new DraftSubprocessor();
                entry.id = imported.id() != null ? imported.id() : UUID.randomUUID();
                entry.sectionId = byKey.get(imported.input().section()).id;
                entry.setFields(imported.input());
                entries.persist(entry);
                added++;
            }
        }
        int sectionsRemoved = 0;
        if (mode == ImportedDraft.Mode.REPLACE && file.sectionsComplete()) {
            entries.flush();
            sectionsRemoved = removeUnlisted(file, ordered);
        }
        draft.touch(actor, Instant.now(clock));
        ImportedDraft.Result result = new ImportedDraft.Result(sectionCounts.created(), sectionCounts.updated(),
                sectionsRemoved, added, updated, removed, unchanged, draft.revision);
        audit.record(actor, AuditAction.DRAFT_IMPORTED, "draft", Map.of("mode", mode.name(), "result", result));
        return result;
    }

    /**
     * Merge never undoes draft work: a row of the file identical to the published row of the same
     * sub-processor (the export of a version, loaded back) leaves the draft's row as it is, whether
     * the draft edited, moved or removed it since. Rows that differ from what was published apply.
     */
    private ImportedDraft withoutRowsAsPublished(ImportedDraft file) {
        Snapshot published = versions.latestStanding().map(header -> versions.snapshot(header.number())).orElse(Snapshot.EMPTY);
        Map<UUID, Subprocessor> byId = new HashMap<>();
        Map<UUID, String> sectionOf = new HashMap<>();
        Map<String, Subprocessor> bySectionAndName = new HashMap<>();
        Map<String, List<Subprocessor>> byName = new HashMap<>();
        for (Section section : published.sections()) {
            for (Subprocessor entry : section.subprocessors()) {
                byId.put(entry.id(), entry);
                sectionOf.put(entry.id(), section.key());
                bySectionAndName.put(section.key() + "\n" + entry.name().toLowerCase(), entry);
                byName.computeIfAbsent(entry.name().toLowerCase(), name -> new ArrayList<>()).add(entry);
            }
        }
        List<ImportedEntry> kept = new ArrayList<>();
        for (ImportedEntry row : file.entries()) {
            SubprocessorInput input = row.input();
            Subprocessor publishedRow = row.id() != null ? byId.get(row.id())
                    : bySectionAndName.get(input.section() + "\n" + input.name().toLowerCase());
            if (publishedRow == null && row.id() == null) {
                List<Subprocessor> named = byName.getOrDefault(input.name().toLowerCase(), List.of());
                publishedRow = named.size() == 1 ? named.get(0) : null;
            }
            boolean asPublished = publishedRow != null && input.section().equals(sectionOf.get(publishedRow.id()))
                    && SnapshotDiff.fieldChanges(publishedRow, input.toSubprocessor(publishedRow.id())).isEmpty();
            if (!asPublished) {
                kept.add(row);
            }
        }
        return new ImportedDraft(file.sections(), file.sectionsComplete(), kept);
    }

    /** How many of the file's sections were new and how many changed. */
    private record SectionCounts(int created, int updated) {
    }

    /** Creates and updates the file's sections. */
    private SectionCounts applySections(ImportedDraft file, ImportedDraft.Mode mode, List<DraftSection> ordered,
                                Map<String, DraftSection> byKey) {
        int created = 0;
        int updated = 0;
        for (ImportedSection imported : file.sections()) {
            SectionInput input = imported.section();
            DraftSection section = byKey.get(input.key());
            if (section == null) {
                section = new DraftSection();
                section.id = UUID.randomUUID();
                section.sectionKey = input.key();
                ordered.add(section);
                byKey.put(section.sectionKey, section);
                created++;
            } else if (Objects.equals(section.title, input.title()) && Objects.equals(section.description, input.description())
                    && Objects.equals(section.note, input.note())) {
                continue;
            } else {
                section.revision++;
                updated++;
            }
            section.title = input.title();
            section.description = input.description();
            section.note = input.note();
        }
        if (mode == ImportedDraft.Mode.REPLACE && file.sectionsComplete()) {
            // The file's order becomes the page order; sections it omits go last (and are removed below).
            List<String> fileOrder = file.sections().stream().map(s -> s.section().key()).toList();
            ordered.sort(Comparator.comparingInt(section -> {
                int index = fileOrder.indexOf(section.sectionKey);
                return index < 0 ? Integer.MAX_VALUE : index;
            }));
        }
        DraftSection.renumber(ordered);
        ordered.stream().filter(section -> !sections.isPersistent(section)).forEach(sections::persist);
        sections.flush();
        Set<String> unknown = new HashSet<>();
        for (ImportedEntry entry : file.entries()) {
            if (!byKey.containsKey(entry.input().section())) {
                unknown.add(entry.input().section());
            }
        }
        if (!unknown.isEmpty()) {
            List<Violation> violations = file.entries().stream()
                    .filter(entry -> unknown.contains(entry.input().section()))
                    .limit(20)
                    .map(entry -> Violation.ofLine(entry.line(), "section", "unknown section '" + entry.input().section() + "'"))
                    .toList();
            throw new RuleViolationException("unknown section(s) " + unknown.stream().sorted().toList()
                    + "; known: " + byKey.keySet().stream().sorted().toList(), violations);
        }
        return new SectionCounts(created, updated);
    }

    private int removeUnlisted(ImportedDraft file, List<DraftSection> ordered) {
        Set<String> listed = file.sections().stream().map(s -> s.section().key()).collect(Collectors.toSet());
        int removed = 0;
        for (DraftSection section : List.copyOf(ordered)) {
            if (!listed.contains(section.sectionKey)) {
                sections.delete(section);
                ordered.remove(section);
                removed++;
            }
        }
        DraftSection.renumber(ordered);
        return removed;
    }

    private Map<DraftSubprocessor, ImportedEntry> match(List<ImportedEntry> imported, List<DraftSubprocessor> existing,
                                                       Map<String, DraftSection> byKey) {
        Map<UUID, DraftSubprocessor> byId = new HashMap<>();
        Map<String, DraftSubprocessor> bySectionAndName = new HashMap<>();
        Map<String, List<DraftSubprocessor>> byName = new HashMap<>();
        Map<UUID, String> sectionKeys = new HashMap<>();
        byKey.values().forEach(section -> sectionKeys.put(section.id, section.sectionKey));
        for (DraftSubprocessor entry : existing) {
            byId.put(entry.id, entry);
            bySectionAndName.put(sectionKeys.get(entry.sectionId) + "\n" + entry.name.toLowerCase(), entry);
            byName.computeIfAbsent(entry.name.toLowerCase(), name -> new ArrayList<>()).add(entry);
        }
        Map<DraftSubprocessor, ImportedEntry> matches = new HashMap<>();
        List<Violation> duplicates = new ArrayList<>();
        Set<String> namesInFile = new HashSet<>();
        for (ImportedEntry entry : imported) {
            String name = entry.input().name().toLowerCase();
            if (!namesInFile.add(entry.input().section() + "\n" + name)) {
                duplicates.add(Violation.ofLine(entry.line(), "name", "'" + entry.input().name()
                        + "' appears twice in section '" + entry.input().section() + "'"));
                continue;
            }
            DraftSubprocessor target = entry.id() != null ? byId.get(entry.id()) : null;
            if (target == null && entry.id() == null) {
                target = bySectionAndName.get(entry.input().section() + "\n" + name);
            }
            if (target == null && entry.id() == null) {
                List<DraftSubprocessor> named = byName.getOrDefault(name, List.of());
                target = named.size() == 1 ? named.get(0) : null;
            }
            if (target == null) {
                continue;
            }
            ImportedEntry earlier = matches.putIfAbsent(target, entry);
            if (earlier != null) {
                duplicates.add(Violation.ofLine(entry.line(), "id", "describes the same sub-processor as line " + earlier.line()));
            }
        }
        if (!duplicates.isEmpty()) {
            throw new InvalidInputException("the file lists a sub-processor more than once: " + duplicates.get(0).message()
                    + (duplicates.get(0).line() == null ? "" : " (line " + duplicates.get(0).line() + ")"), duplicates);
        }
        return matches;
    }
}
