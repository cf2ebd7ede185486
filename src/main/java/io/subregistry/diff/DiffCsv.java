package io.subregistry.diff;

import io.subregistry.platform.csv.CsvWriter;

/** A diff as CSV: one row per change, and one per changed field for modifications. */
public final class DiffCsv {

    private DiffCsv() {
    }

    public static String write(Diff diff) {
        CsvWriter csv = new CsvWriter().row("type", "subprocessorId", "name", "section", "fromSection", "field", "before", "after");
        for (Change change : diff.changes()) {
            if (change.fields().isEmpty()) {
                csv.row(change.type(), change.subprocessorId(), change.name(), change.section(), change.fromSection(),
                        null, null, null);
            }
            for (FieldChange field : change.fields()) {
                csv.row(change.type(), change.subprocessorId(), change.name(), change.section(), change.fromSection(),
                        field.field(), field.before(), field.after());
            }
        }
        return csv.toString();
    }
}
