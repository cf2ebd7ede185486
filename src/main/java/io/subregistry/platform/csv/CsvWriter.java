package io.subregistry.platform.csv;

import java.util.Arrays;
import java.util.List;

/**
 * RFC 4180 CSV. Cells that a spreadsheet would run as a formula (starting with = + - @ or a
 * tab/CR) are prefixed with an apostrophe: exported registries end up in Excel, and a
 * sub-processor named "=HYPERLINK(…)" must stay text there.
 */
public final class CsvWriter {

    private final StringBuilder out = new StringBuilder(4096);

    public CsvWriter row(List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            appendCell(cells.get(i));
        }
        out.append("\r\n");
        return this;
    }

    public CsvWriter row(Object... cells) {
        return row(Arrays.asList(cells));
    }

    private void appendCell(Object cell) {
        String text = cell == null ? "" : cell.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !isNumber(text)) {
            text = "'" + text;
        }
        boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0;
        if (quote) {
            out.append('"').append(text.replace("\"", "\"\"")).append('"');
        } else {
            out.append(text);
        }
    }

    private static boolean isNumber(String text) {
        return text.matches("-?\\d+(\\.\\d+)?");
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
