package io.subregistry.importer;

import io.subregistry.platform.csv.CsvReader;
import io.subregistry.platform.csv.CsvReader.Row;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Reads CSV whose header row names the fields (any order, case-insensitive). The CSV that
 * {@code GET /api/v1/subprocessors} serves can be loaded back as it is.
 */
final class CsvImportParser {

    static final List<String> REQUIRED = List.of("section", "name", "legalAddress", "location", "processingActivity");
    static final List<String> OPTIONAL = List.of("website", "dataCategories", "transferMechanism", "dpaUrl", "id",
            "sectionTitle", "new");

    /** One data row, by field name, with the id parsed. */
    record CsvEntry(int line, Map<String, String> values, UUID id) {
        String get(String field) {
            return values.get(field);
        }
    }

    private CsvImportParser() {
    }

    static List<CsvEntry> parse(String text, ImportProblems problems) {
        List<Row> rows;
        try {
            rows = CsvReader.parse(text);
        } catch (CsvReader.MalformedCsvException e) {
            problems.atLine(e.line(), null, e.getMessage());
            return List.of();
        }
        rows = rows.stream().filter(row -> !row.isBlank()).toList();
        if (rows.isEmpty()) {
            problems.atLine(1, null, "the file is empty; expected a header row: " + String.join(",", REQUIRED));
            return List.of();
        }
        Map<Integer, String> columns = header(rows.get(0), problems);
        if (!problems.isEmpty()) {
            return List.of();
        }
        return rows.subList(1, rows.size()).stream()
                .map(row -> entry(row, columns, problems))
                .filter(entry -> entry != null)
                .toList();
    }

    private static Map<Integer, String> header(Row row, ImportProblems problems) {
        Map<String, String> known = new HashMap<>();
        REQUIRED.forEach(field -> known.put(field.toLowerCase(Locale.ROOT), field));
        OPTIONAL.forEach(field -> known.put(field.toLowerCase(Locale.ROOT), field));
        Map<Integer, String> columns = new HashMap<>();
        for (int i = 0; i < row.cells().size(); i++) {
            String name = row.cells().get(i).strip();
            String field = known.get(name.toLowerCase(Locale.ROOT));
            if (field == null) {
                problems.atLine(row.line(), name, "unknown column '" + name + "'; known: " + String.join(", ", REQUIRED)
                        + ", " + String.join(", ", OPTIONAL));
            } else if (columns.containsValue(field)) {
                problems.atLine(row.line(), field, "the column '" + field + "' appears twice");
            } else {
                columns.put(i, field);
            }
        }
        Set<String> present = Set.copyOf(columns.values());
        List<String> missing = REQUIRED.stream().filter(field -> !present.contains(field)).toList();
        if (!missing.isEmpty()) {
            problems.atLine(row.line(), null, "the header row lacks the column(s) " + String.join(", ", missing));
        }
        return columns;
    }

    private static CsvEntry entry(Row row, Map<Integer, String> columns, ImportProblems problems) {
        if (row.cells().size() != columns.size()) {
            problems.atLine(row.line(), null, "has " + row.cells().size() + " values; the header has " + columns.size());
            return null;
        }
        Map<String, String> values = columns.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getValue, column -> unguard(row.cells().get(column.getKey()))));
        UUID id = null;
        String rawId = values.get("id");
        if (rawId != null && !rawId.isBlank()) {
            try {
                id = UUID.fromString(rawId.strip());
            } catch (IllegalArgumentException e) {
                problems.atLine(row.line(), "id", "'" + rawId + "' is not a UUID");
                return null;
            }
        }
        return new CsvEntry(row.line(), values, id);
    }

    /** Undoes the apostrophe our CSV export puts before formula-like values. */
    private static String unguard(String cell) {
        if (cell.length() >= 2 && cell.charAt(0) == '\'' && "=+-@\t\r".indexOf(cell.charAt(1)) >= 0) {
            return cell.substring(1);
        }
        return cell;
    }
}
