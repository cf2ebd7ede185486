package io.subregistry.diff;

import io.subregistry.platform.csv.CsvReader;
import io.subregistry.platform.csv.CsvReader.Row;
import io.subregistry.registry.Section;
import io.subregistry.registry.Snapshot;
import io.subregistry.registry.Subprocessor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class DiffCsvTest {

    private static final UUID ID = new UUID(0, 1);
    private static final Subprocessor ENTRY = new Subprocessor(ID, "Sentry", "45 Fremont Street, San Francisco", "USA/EU",
            "Error reports", null, null, null, null);

    @Test
    void anEmptyDiffIsJustTheHeader() {
        assertThat(DiffCsv.write(new Diff(List.of())))
                .isEqualTo("type,subprocessorId,name,section,fromSection,field,before,after\r\n");
    }

    @Test
    void aChangeWithoutFieldsIsOneRowWithEmptyFieldColumns() {
        Diff diff = new Diff(List.of(new Change(ChangeType.MOVED, ID, "Sentry", "sales", "product", null, ENTRY)));

        List<Row> rows = CsvReader.parse(DiffCsv.write(diff));

        assertThat(rows).hasSize(2);
        assertThat(rows.get(1).cells()).containsExactly("MOVED", ID.toString(), "Sentry", "sales", "product", "", "", "");
    }

    @Test
    void aModificationHasOneRowPerChangedField() {
        Diff diff = new Diff(List.of(new Change(ChangeType.MODIFIED, ID, "Sentry Inc.", "product", null, List.of(
                new FieldChange("name", "Sentry", "Sentry Inc."),
                new FieldChange("dpaUrl", null, "https://sentry.io/dpa")), ENTRY)));

        List<Row> rows = CsvReader.parse(DiffCsv.write(diff));

        assertThat(rows).extracting(Row::cells).containsExactly(
                List.of("type", "subprocessorId", "name", "section", "fromSection", "field", "before", "after"),
                List.of("MODIFIED", ID.toString(), "Sentry Inc.", "product", "", "name", "Sentry", "Sentry Inc."),
                List.of("MODIFIED", ID.toString(), "Sentry Inc.", "product", "", "dpaUrl", "", "https://sentry.io/dpa"));
    }

    @Test
    void aSectionChangeHasNoSubprocessorId() {
        Diff diff = new Diff(List.of(new Change(ChangeType.SECTION_ADDED, null, "Sales", "sales", null, null, null)));

        assertThat(CsvReader.parse(DiffCsv.write(diff)).get(1).cells())
                .containsExactly("SECTION_ADDED", "", "Sales", "sales", "", "", "", "");
    }

    @Test
    void valuesWithCommasQuotesAndLineBreaksReadBackUnchanged() {
        String before = "909 Rose Avenue, Suite 950,\r\nNorth \"Bethesda\"";
        String after = "phone\u2011call\nrecording";
        Diff diff = new Diff(List.of(
                new Change(ChangeType.MODIFIED, ID, "Acme, Inc.", "product", null, List.of(
                        new FieldChange("legalAddress", before, after)), ENTRY),
                new Change(ChangeType.REMOVED, new UUID(0, 2), "Zoom", "product", null, null, ENTRY)));

        List<Row> rows = CsvReader.parse(DiffCsv.write(diff));

        assertThat(rows.get(1).cells()).containsExactly("MODIFIED", ID.toString(), "Acme, Inc.", "product", "",
                "legalAddress", before, after);
        assertThat(rows.get(2).cells().get(2)).isEqualTo("Zoom");
        // the header is line 1, the modification spans lines 2-4 (one CRLF and one LF inside its quotes)
        assertThat(rows.get(2).line()).isEqualTo(5);
    }

    @Test
    void aComputedDiffBecomesOneRowPerChangeAndPerChangedField() {
        Subprocessor moved = new Subprocessor(ID, "Sentry", "45 Fremont Street, San Francisco", "USA",
                "Crash reports", null, null, null, null);
        Snapshot before = new Snapshot(List.of(new Section("product", "Product", null, null, List.of(ENTRY)),
                new Section("sales", "Sales", null, null, List.of())));
        Snapshot after = new Snapshot(List.of(new Section("product", "Product", null, null, List.of()),
                new Section("sales", "Sales", null, null, List.of(moved))));

        List<Row> rows = CsvReader.parse(DiffCsv.write(SnapshotDiff.between(before, after)));

        assertThat(rows).extracting(row -> row.cells().get(0) + " " + row.cells().get(5)).containsExactly(
                "type field", "MOVED ", "MODIFIED location", "MODIFIED processingActivity");
        assertThat(rows.get(1).cells()).containsExactly("MOVED", ID.toString(), "Sentry", "sales", "product", "", "", "");
    }

    @Test
    void aNameThatIsAFormulaStaysText() {
        Diff diff = new Diff(List.of(new Change(ChangeType.ADDED, ID, "=HYPERLINK(\"http://evil.example\",\"x\")",
                "product", null, null, ENTRY)));

        assertThat(CsvReader.parse(DiffCsv.write(diff)).get(1).cells().get(2))
                .isEqualTo("'=HYPERLINK(\"http://evil.example\",\"x\")");
    }
}
