package io.subregistry.platform.csv;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class CsvWriterTest {

    @Test
    void cellsAreSeparatedByCommasAndRowsEndWithCrLf() {
        String csv = new CsvWriter().row("a", "b", "c").row("d", "e", "f").toString();

        assertThat(csv).isEqualTo("a,b,c\r\nd,e,f\r\n");
    }

    @Test
    void nullIsAnEmptyCellAndOtherObjectsAreWrittenAsText() {
        UUID id = new UUID(0, 1);

        String csv = new CsvWriter().row(null, 42, id, Thread.State.NEW, "").toString();

        assertThat(csv).isEqualTo("," + "42," + id + ",NEW," + "\r\n");
    }

    @Test
    void aListIsARowLikeVarargs() {
        assertThat(new CsvWriter().row(Arrays.asList("x", null, "y")).toString()).isEqualTo("x,,y\r\n");
    }

    @Test
    void aCommaIsQuoted() {
        assertThat(cell("Rose Avenue, Suite 950")).isEqualTo("\"Rose Avenue, Suite 950\"");
    }

    @Test
    void aQuoteIsDoubledInsideQuotes() {
        assertThat(cell("One Sir John Rogerson's \"Quay\"")).isEqualTo("\"One Sir John Rogerson's \"\"Quay\"\"\"");
    }

    @Test
    void lineBreaksAreQuoted() {
        assertThat(cell("line one\nline two")).isEqualTo("\"line one\nline two\"");
        assertThat(cell("line one\r\nline two")).isEqualTo("\"line one\r\nline two\"");
        assertThat(cell("old mac\rline")).isEqualTo("\"old mac\rline\"");
    }

    @Test
    void plainTextIsNotQuoted() {
        assertThat(cell("Customer location; USA/EU 'ok' = fine")).isEqualTo("Customer location; USA/EU 'ok' = fine");
    }

    @ParameterizedTest
    @ValueSource(strings = {"=1+2", "+1", "-cmd", "@SUM(A1:A2)", "=HYPERLINK(x)", "-", "+", "=", "@", "-5x", "--5"})
    void aCellThatASpreadsheetWouldRunAsAFormulaGetsALeadingApostrophe(String value) {
        assertThat(cell(value)).isEqualTo("'" + value);
    }

    @Test
    void aFormulaStartingWithTabOrCarriageReturnIsGuardedToo() {
        assertThat(cell("\t=1+2")).isEqualTo("'\t=1+2");
        assertThat(cell("\r=1+2")).isEqualTo("\"'\r=1+2\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-5", "-5.25", "0", "12", "3.14"})
    void numbersAreNotGuarded(String number) {
        assertThat(cell(number)).isEqualTo(number);
    }

    @Test
    void anEqualsSignInsideTheTextIsNotAFormula() {
        assertThat(cell("a=b")).isEqualTo("a=b");
    }

    @Test
    void aGuardedFormulaWithQuotesAndCommasIsAlsoQuoted() {
        assertThat(cell("=HYPERLINK(\"http://evil.example\",\"click\")"))
                .isEqualTo("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\"");
    }

    private static String cell(String value) {
        String row = new CsvWriter().row(value).toString();
        assertThat(row).endsWith("\r\n");
        return row.substring(0, row.length() - 2);
    }
}
