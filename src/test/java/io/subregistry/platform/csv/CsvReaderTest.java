package io.subregistry.platform.csv;

import io.subregistry.platform.csv.CsvReader.MalformedCsvException;
import io.subregistry.platform.csv.CsvReader.Row;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

class CsvReaderTest {

    @Test
    void rowsAreSplitIntoCellsAndRememberTheirLine() {
        List<Row> rows = CsvReader.parse("name,location\nAWS,EU\nZoom,USA\n");

        assertThat(rows).containsExactly(
                new Row(1, List.of("name", "location")),
                new Row(2, List.of("AWS", "EU")),
                new Row(3, List.of("Zoom", "USA")));
    }

    @Test
    void crLfLineEndsLeaveNoCarriageReturnInTheCells() {
        List<Row> rows = CsvReader.parse("name,location\r\nAWS,EU\r\n");

        assertThat(rows).containsExactly(new Row(1, List.of("name", "location")), new Row(2, List.of("AWS", "EU")));
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheFirstCell() {
        List<Row> rows = CsvReader.parse("\uFEFFname,location\r\nAWS,EU\r\n");

        assertThat(rows.get(0).cells()).containsExactly("name", "location");
    }

    @Test
    void theLastRowNeedsNoLineEnd() {
        assertThat(CsvReader.parse("a,b\nc,d")).extracting(Row::cells)
                .containsExactly(List.of("a", "b"), List.of("c", "d"));
    }

    @Test
    void emptyCellsAreKept() {
        assertThat(CsvReader.parse(",a,,\n").get(0).cells()).containsExactly("", "a", "", "");
    }

    @Test
    void anEmptyLineIsABlankRow() {
        List<Row> rows = CsvReader.parse("a\n\nb\n");

        assertThat(rows).extracting(Row::line, Row::isBlank)
                .containsExactly(tuple(1, false), tuple(2, true), tuple(3, false));
    }

    @Test
    void quotedCellsMayHoldCommasAndDoubledQuotes() {
        List<Row> rows = CsvReader.parse("\"909 Rose Avenue, Suite 950\",\"the \"\"best\"\" one\",\"\"\n");

        assertThat(rows.get(0).cells()).containsExactly("909 Rose Avenue, Suite 950", "the \"best\" one", "");
    }

    @Test
    void aQuotedMultiLineCellKeepsTheLineNumbersOfLaterRowsRight() {
        String csv = "name,activity\r\n"
                + "AWS,\"hosting\r\nbackups\r\nlogs\"\r\n"
                + "Zoom,meetings\r\n";

        List<Row> rows = CsvReader.parse(csv);

        assertThat(rows).containsExactly(
                new Row(1, List.of("name", "activity")),
                new Row(2, List.of("AWS", "hosting\r\nbackups\r\nlogs")),
                new Row(5, List.of("Zoom", "meetings")));
    }

    @Test
    void anUnclosedQuoteIsReportedAtTheLineWhereItOpens() {
        String csv = "name,activity\nAWS,hosting\nZoom,\"meetings\nand more\nSentry,errors\n";

        MalformedCsvException e = catchThrowableOfType(MalformedCsvException.class, () -> CsvReader.parse(csv));

        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).contains("never closed");
    }

    @Test
    void textAfterAClosingQuoteIsReportedAtItsLine() {
        String csv = "name,activity\nAWS,hosting\nZoom,\"meetings\" and more\n";

        MalformedCsvException e = catchThrowableOfType(MalformedCsvException.class, () -> CsvReader.parse(csv));

        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).contains("after a closing quote");
    }

    @Test
    void textAfterAMultiLineQuotedCellIsReportedAtTheLineItIsOn() {
        String csv = "name,activity\n\"Zoom\",\"meetings\nand\nmore\"x\n";

        MalformedCsvException e = catchThrowableOfType(MalformedCsvException.class, () -> CsvReader.parse(csv));

        assertThat(e.line()).isEqualTo(4);
    }

    @Test
    void aQuoteInsideAnUnquotedValueIsReported() {
        assertThatThrownBy(() -> CsvReader.parse("a,b\nAcme \"Inc\",c\n"))
                .isInstanceOfSatisfying(MalformedCsvException.class, e -> assertThat(e.line()).isEqualTo(2))
                .hasMessageContaining("quote inside an unquoted value");
    }

    @Test
    void whatTheWriterWritesTheReaderReadsBack() {
        List<List<String>> table = List.of(
                List.of("name", "legalAddress", "processingActivity"),
                List.of("HubSpot", "One Sir John Rogerson's Quay, Dublin 2, Ireland", "contact \"details\""),
                List.of("Gong.io", "40 Tuval Street,\r\n39th Floor", "phone\u2011call\nrecording"),
                List.of("", "", "trailing comma,"),
                List.of("Kö\u00A0penicker", "\"", "\"\""),
                List.of("-5", "3.14", "lone\rcarriage return"));
        CsvWriter writer = new CsvWriter();
        table.forEach(writer::row);

        List<Row> rows = CsvReader.parse(writer.toString());

        assertThat(rows).extracting(Row::cells).containsExactlyElementsOf(table);
        assertThat(rows).extracting(Row::line).containsExactly(1, 2, 3, 6, 7, 8);
    }

    @Test
    void randomTextSurvivesAWriteAndReadRoundTrip() {
        Random random = new Random(11);
        String alphabet = "ab ,\"\r\n'\u2011é;";
        List<List<String>> table = new ArrayList<>();
        for (int r = 0; r < 200; r++) {
            List<String> row = new ArrayList<>();
            int cells = 1 + random.nextInt(5);
            for (int c = 0; c < cells; c++) {
                StringBuilder cell = new StringBuilder("v");  // never starts like a formula
                int length = random.nextInt(8);
                for (int i = 0; i < length; i++) {
                    cell.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                row.add(cell.toString());
            }
            table.add(row);
        }
        CsvWriter writer = new CsvWriter();
        table.forEach(writer::row);

        assertThat(CsvReader.parse(writer.toString())).extracting(Row::cells).containsExactlyElementsOf(table);
    }

    @Test
    void aGuardedFormulaReadsBackAsTextWithItsApostrophe() {
        String csv = new CsvWriter().row("=HYPERLINK(\"http://evil.example\")", "-5").toString();

        assertThat(CsvReader.parse(csv).get(0).cells()).containsExactly("'=HYPERLINK(\"http://evil.example\")", "-5");
    }
}
