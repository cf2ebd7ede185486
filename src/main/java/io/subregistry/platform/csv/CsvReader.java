package io.subregistry.platform.csv;

import java.util.ArrayList;
import java.util.List;

/** Parses RFC 4180 CSV (quoted fields may hold commas, quotes and line breaks), remembering each record's line. */
public final class CsvReader {

    private CsvReader() {
    }

    /** One record and the line of the file it starts on. */
    public record Row(int line, List<String> cells) {
        public boolean isBlank() {
            return cells.stream().allMatch(String::isBlank);
        }
    }

    /** Thrown for a quote that is never closed or text glued to a closing quote. */
    public static final class MalformedCsvException extends RuntimeException {
        private final int line;

        MalformedCsvException(int line, String message) {
            super(message, null, false, false);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    public static List<Row> parse(String text) {
        List<Row> rows = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int line = 1;
        int rowLine = 1;
        int quoteLine = 0;
        boolean quoted = false;
        boolean afterQuote = false;
        int start = text.startsWith("\uFEFF") ? 1 : 0;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                        afterQuote = true;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    cell.append(c);
                }
                continue;
            }
            switch (c) {
                case '"' -> {
                    if (cell.length() > 0 || afterQuote) {
                        throw new MalformedCsvException(line, "a quote inside an unquoted value");
                    }
                    quoted = true;
                    quoteLine = line;
                }
                case ',' -> {
                    cells.add(cell.toString());
                    cell.setLength(0);
                    afterQuote = false;
                }
                case '\r' -> {
                    // part of a CRLF line end; a lone CR is treated the same way
                }
                case '\n' -> {
                    cells.add(cell.toString());
                    rows.add(new Row(rowLine, List.copyOf(cells)));
                    cells.clear();
                    cell.setLength(0);
                    afterQuote = false;
                    line++;
                    rowLine = line;
                }
                default -> {
                    if (afterQuote) {
                        throw new MalformedCsvException(line, "text after a closing quote");
                    }
                    cell.append(c);
                }
            }
        }
        if (quoted) {
            throw new MalformedCsvException(quoteLine, "a quoted value is never closed");
        }
        if (cell.length() > 0 || !cells.isEmpty()) {
            cells.add(cell.toString());
            rows.add(new Row(rowLine, List.copyOf(cells)));
        }
        return rows;
    }
}
