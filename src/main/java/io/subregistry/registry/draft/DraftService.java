package io.subregistry.registry.draft;

import io.subregistry.audit.AuditAction;
import io.subregistry.audit.AuditLog;
import io.subregistry.diff.FieldChange;
import io.subregistry.diff.SnapshotDiff;
import io.subregistry.platform.Precondition;
import io.subregistry.platform.error.ConflictException;
import io.subregistry.platform.error.PreconditionRequiredException;
import io.subregistry.platform.error.RegistryException.Violation;
import io.subregistry.platform.error.ResourceNotFoundException;
import io.subregistry.platform.error.RuleViolationException;
import io.subregistry.platform.error.StaleRevisionException;
import io.subregistry.registry.Subprocessor;
import io.subregistry.registry.draft.DraftView.EntryView;
import io.subregistry.registry.draft.DraftView.SectionView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The one working copy legal staff edit. Every change takes the draft's lock, checks the
 * client's If-Match against what it would overwrite, bumps the revision and writes an audit line.
 */
@ApplicationScoped
public class DraftService {

    private final DraftRepository drafts;
    private final DraftSectionRepository sections;
    private final DraftSubprocessorRepository entries;
    private final AuditLog audit;
    private final Clock clock;

    public DraftService(DraftRepository drafts, DraftSectionRepository sections, DraftSubprocessorRepository entries,
                        AuditLog audit, Clock clock) {
        this.drafts = drafts;
        this.sections = sections;
        this.entries = entries;
        this.audit = audit;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ reading

    @Transactional
    public DraftView view() {
        DraftState draft = drafts.lockForReading();
        List<DraftSection> ordered = sections.inPageOrder();
        Map<UUID, List<DraftSubprocessor>> bySection = entries.all().stream()
                .collect(Collectors.groupingBy(entry -> entry.sectionId));
        List<SectionView> views = new ArrayList<>();
        for (DraftSection section : ordered) {
            List<EntryView> listed = bySection.getOrDefault(section.id, List.of()).stream()
                    .sorted(Comparator.comparing((DraftSubprocessor e) -> e.name, String.CASE_INSENSITIVE_ORDER)
                            .thenComparing(e -> e.id))
                    .map(entry -> EntryView.of(entry, section.sectionKey))
                    .toList();
            views.add(new SectionView(section.sectionKey, section.title, section.description, section.note,
                    section.displayOrder + 1, section.revision, listed));
        }
        return new DraftView(draft.revision, draft.updatedAt, draft.updatedBy, views);
    }

    @Transactional
    public Optional<EntryView> entry(UUID id) {
        return entries.findByIdOptional(id).map(entry -> EntryView.of(entry, sectionOf(entry).sectionKey));
    }

    // ------------------------------------------------------------------ sub-processors

    @Transactional
    public EntryView add(SubprocessorInput input, String actor) {
        DraftState draft = drafts.lockForChange();
        DraftSection section = sectionForEntry(input.section());
        ensureNameFree(section, input.name(), null);
        DraftSubprocessor entry = new DraftSubprocessor();
        entry.id = UUID.randomUUID();
        entry.sectionId = section.id;
        entry.setFields(input);
        entries.persist(entry);
        touch(draft, actor);
        audit.record(actor, AuditAction.SUBPROCESSOR_CREATED, entry.id.toString(),
                Map.of("name", entry.name, "section", section.sectionKey));
        return EntryView.of(entry, section.sectionKey);
    }

    @Transactional
    public EntryView update(UUID id, SubprocessorInput input, Precondition precondition, String actor) {
        DraftState draft = drafts.lockForChange();
        DraftSubprocessor entry = existingEntry(id);
        requireFresh(precondition, Revisions.ofEntry(entry.revision), draft);
        DraftSection section = sectionForEntry(input.section());
        ensureNameFree(section, input.name(), entry.id);
        Subprocessor before = entry.toSubprocessor();
        String sectionBefore = sectionOf(entry).sectionKey;
        entry.sectionId = section.id;
        entry.setFields(input);
        List<FieldChange> changed = SnapshotDiff.fieldChanges(before, entry.toSubprocessor());
        if (changed.isEmpty() && sectionBefore.equals(section.sectionKey)) {
            return EntryView.of(entry, section.sectionKey);
        }
        entry.revision++;
        touch(draft, actor);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("name", entry.name);
        details.put("changes", changed);
        if (!sectionBefore.equals(section.sectionKey)) {
            details.put("movedFrom", sectionBefore);
            details.put("movedTo", section.sectionKey);
        }
        audit.record(actor, AuditAction.SUBPROCESSOR_UPDATED, entry.id.toString(), details);
        return EntryView.of(entry, section.sectionKey);
    }

    @Transactional
    public void remove(UUID id, Precondition precondition, String actor) {
        DraftState draft = drafts.lockForChange();
        DraftSubprocessor entry = existingEntry(id);
        requireFresh(precondition, Revisions.ofEntry(entry.revision), draft);
        String section = sectionOf(entry).sectionKey;
        entries.delete(entry);
        touch(draft, actor);
        // every field, so that the removal can be undone (restore) with the same stable id
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("name", entry.name);
        details.put("section", section);
        details.put("entry", SubprocessorInput.fieldsOf(entry.toSubprocessor(), section));
        audit.record(actor, AuditAction.SUBPROCESSOR_DELETED, id.toString(), details);
    }

    /**
     * Undoes a removal: the entry comes back with its stable id and every field it had, into its
     * section (which must still exist). Refused when it is in the draft again or was never removed.
     */
    @Transactional
    public EntryView restore(UUID id, String actor) {
        DraftState draft = drafts.lockForChange();
        if (entries.findByIdOptional(id).isPresent()) {
            throw new ConflictException("this sub-processor is in the draft already");
        }
        Map<String, Object> removed = audit.latestDetails(AuditAction.SUBPROCESSOR_DELETED, id.toString())
                .filter(details -> details.get("entry") instanceof Map<?, ?>)
                .orElseThrow(() -> new ResourceNotFoundException("there is no removal of this sub-processor to undo"));
        SubprocessorInput input = SubprocessorInput.fromFields((Map<?, ?>) removed.get("entry"));
        DraftSection section = sections.findByKey(input.section())
                .orElseThrow(() -> new RuleViolationException("its section “" + input.section()
                        + "” is no longer in the draft; add the section again first"));
        ensureNameFree(section, input.name(), null);
        DraftSubprocessor entry = new DraftSubprocessor();
        entry.id = id;
        entry.sectionId = section.id;
        entry.setFields(input);
        entries.persist(entry);
        touch(draft, actor);
        audit.record(actor, AuditAction.SUBPROCESSOR_CREATED, entry.id.toString(),
                Map.of("name", entry.name, "section", section.sectionKey, "restored", true));
        return EntryView.of(entry, section.sectionKey);
    }

    // ------------------------------------------------------------------ sections

    @Transactional
    public SectionView addSection(SectionInput input, String actor) {
        DraftState draft = drafts.lockForChange();
        if (sections.findByKey(input.key()).isPresent()) {
            throw new ConflictException("a section with key '" + input.key() + "' already exists");
        }
        List<DraftSection> ordered = new ArrayList<>(sections.inPageOrder());
        DraftSection section = new DraftSection();
        section.id = UUID.randomUUID();
        section.sectionKey = input.key();
        section.title = input.title();
        section.description = input.description();
        section.note = input.note();
        ordered.add(insertionIndex(input.position(), ordered.size()), section);
        DraftSection.renumber(ordered);
        sections.persist(section);
        touch(draft, actor);
        audit.record(actor, AuditAction.SECTION_CREATED, section.sectionKey, Map.of("title", section.title));
        return sectionView(section);
    }

    @Transactional
    public SectionView updateSection(String key, SectionChanges changes, Precondition precondition, String actor) {
        DraftState draft = drafts.lockForChange();
        DraftSection section = existingSection(key);
        requireFresh(precondition, Revisions.ofSection(section.revision), draft);
        Map<String, Object> details = new LinkedHashMap<>();
        recordChange(details, "title", section.title, changes.title());
        recordChange(details, "description", section.description, changes.description());
        recordChange(details, "note", section.note, changes.note());
        section.title = changes.title();
        section.description = changes.description();
        section.note = changes.note();
        if (changes.position() != null && changes.position() != section.displayOrder + 1) {
            List<DraftSection> ordered = new ArrayList<>(sections.inPageOrder());
            ordered.remove(section);
            ordered.add(insertionIndex(changes.position(), ordered.size()), section);
            details.put("position", Map.of("before", section.displayOrder + 1, "after", ordered.indexOf(section) + 1));
            DraftSection.renumber(ordered);
        }
        if (!details.isEmpty()) {
            section.revision++;
            touch(draft, actor);
            audit.record(actor, AuditAction.SECTION_UPDATED, key, details);
        }
        return sectionView(section);
    }

    @Transactional
    public void removeSection(String key, Precondition precondition, String actor) {
        DraftState draft = drafts.lockForChange();
        DraftSection section = existingSection(key);
        requireFresh(precondition, Revisions.ofSection(section.revision), draft);
        long listed = entries.countIn(section.id);
        if (listed > 0) {
            throw new ConflictException("section '" + key + "' still lists " + listed
                    + " sub-processor(s); move or remove them first");
        }
        sections.delete(section);
        List<DraftSection> rest = new ArrayList<>(sections.inPageOrder());
        rest.remove(section);
        DraftSection.renumber(rest);
        touch(draft, actor);
        audit.record(actor, AuditAction.SECTION_DELETED, key, Map.of("title", section.title));
    }

    @Transactional
    public Optional<SectionView> section(String key) {
        return sections.findByKey(key).map(this::sectionView);
    }

    // ------------------------------------------------------------------ helpers

    private void touch(DraftState draft, String actor) {
        draft.touch(actor, Instant.now(clock));
    }

    /**
     * An edit must name what it was made from (the part's ETag or the draft's): no If-Match, or
     * {@code *}, is refused rather than taken as "overwrite whatever is there".
     */
    private void requireFresh(Precondition precondition, String partTag, DraftState draft) {
        if (!precondition.namesARevision()) {
            throw new PreconditionRequiredException("say which revision you are changing: send If-Match with the ETag"
                    + " of this " + (partTag.startsWith("\"s") ? "section" : "sub-processor") + " or of the draft, as you"
                    + " last read it");
        }
        if (!precondition.allows(partTag, Revisions.ofDraft(draft.revision))) {
            throw new StaleRevisionException(Revisions.isWellFormed(precondition)
                    ? "If-Match " + precondition + " is out of date: it is now " + partTag + " (draft "
                    + Revisions.ofDraft(draft.revision) + "); reload and apply your change again"
                    : "If-Match " + abbreviate(precondition.toString()) + " is not an ETag this draft hands out;"
                    + " send the ETag you read");
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    private DraftSubprocessor existingEntry(UUID id) {
        return entries.findByIdOptional(id)
                .orElseThrow(() -> new ResourceNotFoundException("the draft has no sub-processor " + id));
    }

    private DraftSection existingSection(String key) {
        return sections.findByKey(key)
                .orElseThrow(() -> new ResourceNotFoundException("the draft has no section '" + key + "'"));
    }

    private DraftSection sectionForEntry(String key) {
        return sections.findByKey(key).orElseThrow(() -> new RuleViolationException(
                "unknown section '" + key + "'; known: " + sections.inPageOrder().stream().map(s -> s.sectionKey).toList(),
                List.of(Violation.ofField("section", "unknown section"))));
    }

    private DraftSection sectionOf(DraftSubprocessor entry) {
        return sections.findById(entry.sectionId);
    }

    private void ensureNameFree(DraftSection section, String name, UUID self) {
        entries.findNamedIn(section.id, name)
                .filter(other -> !other.id.equals(self))
                .ifPresent(other -> {
                    throw new ConflictException("section '" + section.sectionKey + "' already lists a sub-processor named '"
                            + other.name + "' (" + other.id + ")");
                });
    }

    private SectionView sectionView(DraftSection section) {
        return new SectionView(section.sectionKey, section.title, section.description, section.note, section.displayOrder + 1,
                section.revision, null);
    }

    private static int insertionIndex(Integer position, int size) {
        return position == null ? size : Math.min(position - 1, size);
    }

    private static void recordChange(Map<String, Object> details, String field, String before, String after) {
        if (!Objects.equals(before, after)) {
            Map<String, Object> change = new HashMap<>();
            change.put("before", before);
            change.put("after", after);
            details.put(field, change);
        }
    }
}
