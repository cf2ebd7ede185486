package io.subregistry.diff;

import io.subregistry.registry.Section;
import io.subregistry.registry.SectionField;
import io.subregistry.registry.Snapshot;
import io.subregistry.registry.Snapshot.Placed;
import io.subregistry.registry.Subprocessor;
import io.subregistry.registry.SubprocessorField;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Compares two snapshots entry by entry through their stable ids: linear in their size.
 * Works in either direction; comparing against {@link Snapshot#EMPTY} lists everything as added.
 */
public final class SnapshotDiff {

    private static final Comparator<Change> READING_ORDER = Comparator
            .comparing(Change::type)
            .thenComparing(Change::name, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(change -> String.valueOf(change.subprocessorId()));

    private SnapshotDiff() {
    }

    public static Diff between(Snapshot from, Snapshot to) {
        List<Change> changes = new ArrayList<>();
        compareSections(from, to, changes);
        compareEntries(from, to, changes);
        changes.sort(READING_ORDER);
        return new Diff(changes);
    }

    private static void compareEntries(Snapshot from, Snapshot to, List<Change> changes) {
        Map<UUID, Placed> before = from.entriesById();
        Map<UUID, Placed> after = to.entriesById();
        for (Placed now : after.values()) {
            Placed then = before.get(now.subprocessor().id());
            Subprocessor entry = now.subprocessor();
            if (then == null) {
                changes.add(new Change(ChangeType.ADDED, entry.id(), entry.name(), now.sectionKey(), null, null, entry));
                continue;
            }
            if (!then.sectionKey().equals(now.sectionKey())) {
                changes.add(new Change(ChangeType.MOVED, entry.id(), entry.name(), now.sectionKey(),
                        then.sectionKey(), null, entry));
            }
            List<FieldChange> fields = fieldChanges(then.subprocessor(), entry);
            if (!fields.isEmpty()) {
                changes.add(new Change(ChangeType.MODIFIED, entry.id(), entry.name(), now.sectionKey(), null, fields, entry));
            }
        }
        for (Placed then : before.values()) {
            if (!after.containsKey(then.subprocessor().id())) {
                Subprocessor entry = then.subprocessor();
                changes.add(new Change(ChangeType.REMOVED, entry.id(), entry.name(), then.sectionKey(), null, null, entry));
            }
        }
    }

    public static List<FieldChange> fieldChanges(Subprocessor before, Subprocessor after) {
        List<FieldChange> fields = new ArrayList<>(2);
        for (SubprocessorField field : SubprocessorField.values()) {
            String old = field.valueOf(before);
            String now = field.valueOf(after);
            if (!Objects.equals(old, now)) {
                fields.add(new FieldChange(field.jsonName(), old, now));
            }
        }
        return fields;
    }

    private static void compareSections(Snapshot from, Snapshot to, List<Change> changes) {
        Map<String, Section> oldSections = new HashMap<>();
        from.sections().forEach(section -> oldSections.put(section.key(), section));
        Map<String, Section> newSections = new HashMap<>();
        to.sections().forEach(section -> newSections.put(section.key(), section));
        // Positions among the sections both snapshots have: adding a section in front of the
        // others does not "move" them.
        Map<String, Integer> oldPositions = positionsAmong(from, newSections);
        Map<String, Integer> newPositions = positionsAmong(to, oldSections);
        for (Section now : to.sections()) {
            Section then = oldSections.get(now.key());
            if (then == null) {
                changes.add(new Change(ChangeType.SECTION_ADDED, null, now.title(), now.key(), null, null, null));
                continue;
            }
            List<FieldChange> fields = new ArrayList<>();
            addIfChanged(fields, SectionField.TITLE, then.title(), now.title());
            addIfChanged(fields, SectionField.DESCRIPTION, then.description(), now.description());
            addIfChanged(fields, SectionField.NOTE, then.note(), now.note());
            int oldPosition = oldPositions.get(now.key());
            int newPosition = newPositions.get(now.key());
            if (oldPosition != newPosition) {
                fields.add(new FieldChange(SectionField.POSITION.jsonName(), Integer.toString(oldPosition + 1),
                        Integer.toString(newPosition + 1)));
            }
            if (!fields.isEmpty()) {
                changes.add(new Change(ChangeType.SECTION_MODIFIED, null, now.title(), now.key(), null, fields, null));
            }
        }
        for (Section then : from.sections()) {
            if (!newSections.containsKey(then.key())) {
                changes.add(new Change(ChangeType.SECTION_REMOVED, null, then.title(), then.key(), null, null, null));
            }
        }
    }

    private static Map<String, Integer> positionsAmong(Snapshot snapshot, Map<String, Section> other) {
        Map<String, Integer> positions = new HashMap<>();
        for (Section section : snapshot.sections()) {
            if (other.containsKey(section.key())) {
                positions.put(section.key(), positions.size());
            }
        }
        return positions;
    }

    private static void addIfChanged(List<FieldChange> fields, SectionField field, String before, String after) {
        if (!Objects.equals(before, after)) {
            fields.add(new FieldChange(field.jsonName(), before, after));
        }
    }
}
