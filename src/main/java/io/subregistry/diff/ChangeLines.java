package io.subregistry.diff;

import io.subregistry.registry.SectionField;
import io.subregistry.registry.Subprocessor;
import io.subregistry.registry.SubprocessorField;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Changes as people read them, in mails, pages and the feed: "Added: Postmark (Customer Support…)"
 * with every field of an added or removed sub-processor and before → after for modifications.
 * Lines name the change type and the fields by the domain's identifiers; each renderer words them
 * in its reader's language with the one bundle of change terms.
 */
public final class ChangeLines {

    private ChangeLines() {
    }

    /** One change; {@code section} and {@code fromSection} are titles. */
    public record ChangeLine(ChangeType type, String name, String section, String fromSection, List<FieldLine> fields) {

        /** A stable lower-case word for styling: added, removed, modified, moved, section. */
        public String kind() {
            return switch (type) {
                case ADDED -> "added";
                case REMOVED -> "removed";
                case MODIFIED -> "modified";
                case MOVED -> "moved";
                case SECTION_ADDED, SECTION_REMOVED, SECTION_MODIFIED -> "section";
            };
        }
    }

    /**
     * A field with its value, or its value before and after for a modification (a null value
     * there was empty: renderers say "(none)" in their language). Exactly one of
     * {@code entryField} (a sub-processor's) and {@code sectionField} is set.
     */
    public record FieldLine(SubprocessorField entryField, SectionField sectionField, String before, String after,
                            boolean isChange) {

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
            case MODIFIED, SECTION_MODIFIED -> change.fields().stream().map(field -> modified(change.type(), field)).toList();
            default -> List.of();
        };
        return new ChangeLine(change.type(), change.name(), section, from, fields);
    }

    public static List<ChangeLine> of(List<Change> changes, Map<String, String> sectionTitles) {
        return changes.stream().map(change -> of(change, sectionTitles)).toList();
    }

    private static FieldLine modified(ChangeType type, FieldChange field) {
        if (type == ChangeType.SECTION_MODIFIED) {
            SectionField named = SectionField.ofJsonName(field.field())
                    .orElseThrow(() -> new IllegalArgumentException("not a section field: " + field.field()));
            return new FieldLine(null, named, field.before(), field.after(), true);
        }
        SubprocessorField named = SubprocessorField.ofJsonName(field.field())
                .orElseThrow(() -> new IllegalArgumentException("not a sub-processor field: " + field.field()));
        return new FieldLine(named, null, field.before(), field.after(), true);
    }

    private static List<FieldLine> everyField(Subprocessor entry, boolean before) {
        List<FieldLine> fields = new ArrayList<>();
        if (entry == null) {
            return fields;
        }
        for (SubprocessorField field : SubprocessorField.values()) {
            String value = field.valueOf(entry);
            if (field != SubprocessorField.NAME && value != null) {
                fields.add(before ? new FieldLine(field, null, value, null, false) : new FieldLine(field, null, null, value, false));
            }
        }
        return fields;
    }
}
