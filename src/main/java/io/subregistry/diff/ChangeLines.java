package io.subregistry.diff;

import io.subregistry.registry.Subprocessor;
import io.subregistry.registry.SubprocessorField;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Changes as people read them, in mails and on pages: "Added: Postmark (Customer Support…)"
 * with every field of an added or removed sub-processor and before → after for modifications.
 */
public final class ChangeLines {

    private static final Map<String, String> FIELD_LABELS = Map.ofEntries(
            Map.entry("name", "Name"), Map.entry("legalAddress", "Legal address"), Map.entry("location", "Location"),
            Map.entry("processingActivity", "Processing activity"), Map.entry("website", "Website"),
            Map.entry("dataCategories", "Data categories"), Map.entry("transferMechanism", "Transfer mechanism"),
            Map.entry("dpaUrl", "DPA"), Map.entry("title", "Title"), Map.entry("description", "Description"),
            Map.entry("note", "Note"), Map.entry("position", "Position"));

    private ChangeLines() {
    }

    /**
     * One change.
     *
     * @param kind  a stable lower-case word for styling: added, removed, modified, moved, section
     * @param label the words a reader sees: "Added", "Section changed"…
     */
    public record ChangeLine(String kind, String label, String name, String section, String fromSection,
                             List<FieldLine> fields) {
    }

    /** A field with its value, or its value before and after for a modification. */
    public record FieldLine(String label, String before, String after) {

        public boolean isChange() {
            return before != null && after != null;
        }

        public String value() {
            return after != null ? after : before;
        }
    }

    public static ChangeLine of(Change change, Map<String, String> sectionTitles) {
        String section = sectionTitles.getOrDefault(change.section(), change.section());
        String from = change.fromSection() == null ? null : sectionTitles.getOrDefault(change.fromSection(), change.fromSection());
        List<FieldLine> fields = switch (change.type()) {
            case ADDED -> everyField(change.entry(), false);
            case REMOVED -> everyField(change.entry(), true);
            case MODIFIED, SECTION_MODIFIED -> change.fields().stream()
                    .map(field -> new FieldLine(FIELD_LABELS.getOrDefault(field.field(), field.field()),
                            orNone(field.before()), orNone(field.after()))).toList();
            default -> List.of();
        };
        return switch (change.type()) {
            case ADDED -> new ChangeLine("added", "Added", change.name(), section, from, fields);
            case REMOVED -> new ChangeLine("removed", "Removed", change.name(), section, from, fields);
            case MODIFIED -> new ChangeLine("modified", "Modified", change.name(), section, from, fields);
            case MOVED -> new ChangeLine("moved", "Moved", change.name(), section, from, fields);
            case SECTION_ADDED -> new ChangeLine("section", "New section", change.name(), section, from, fields);
            case SECTION_REMOVED -> new ChangeLine("section", "Section removed", change.name(), section, from, fields);
            case SECTION_MODIFIED -> new ChangeLine("section", "Section changed", change.name(), section, from, fields);
        };
    }

    public static List<ChangeLine> of(List<Change> changes, Map<String, String> sectionTitles) {
        return changes.stream().map(change -> of(change, sectionTitles)).toList();
    }

    private static List<FieldLine> everyField(Subprocessor entry, boolean before) {
        List<FieldLine> fields = new ArrayList<>();
        for (SubprocessorField field : SubprocessorField.values()) {
            String value = field.valueOf(entry);
            if (field != SubprocessorField.NAME && value != null) {
                String label = FIELD_LABELS.get(field.jsonName());
                fields.add(before ? new FieldLine(label, value, null) : new FieldLine(label, null, value));
            }
        }
        return fields;
    }

    private static String orNone(String value) {
        return value == null ? "(none)" : value;
    }
}
