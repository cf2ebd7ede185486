package io.subregistry.customer;

import io.subregistry.platform.csv.CsvReader;
import io.subregistry.platform.csv.CsvWriter;
import io.subregistry.platform.error.InvalidInputException;
import io.subregistry.platform.error.RegistryException.Violation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The customers CSV (plain Java): a header row {@code name, reference, noticePeriodDays,
 * objectionWindowDays, sections, contacts}, sections and contacts {@code ;}-separated, a contact
 * either {@code address} or {@code Name <address>}.
 */
public final class CustomerCsv {

    public static final List<String> COLUMNS = List.of("name", "reference", "noticePeriodDays", "objectionWindowDays",
            "sections", "contacts");
    private static final Pattern NAMED_ADDRESS = Pattern.compile("(.*)<([^<>]*)>\\s*");

    private CustomerCsv() {
    }

    /** A customer read from one line. */
    public record Line(int line, CustomerInput input) {
    }

    /** Reads every line, or refuses the file naming each line that is wrong (shape only; values are validated later). */
    public static List<Line> parse(String text) {
        List<CsvReader.Row> rows;
        try {
            rows = CsvReader.parse(text == null ? "" : text).stream().filter(row -> !row.isBlank()).toList();
        } catch (CsvReader.MalformedCsvException e) {
            throw new InvalidInputException("line " + e.line() + ": " + e.getMessage(),
                    List.of(Violation.ofLine(e.line(), null, e.getMessage())));
        }
        if (rows.isEmpty()) {
            throw new InvalidInputException("the file is empty; its first line must name the columns " + String.join(", ", COLUMNS));
        }
        List<String> header = rows.get(0).cells().stream().map(cell -> cell.strip().toLowerCase(Locale.ROOT)).toList();
        List<String> expected = COLUMNS.stream().map(column -> column.toLowerCase(Locale.ROOT)).toList();
        if (!header.equals(expected)) {
            throw new InvalidInputException("line 1 must name the columns " + String.join(", ", COLUMNS),
                    List.of(Violation.ofLine(rows.get(0).line(), null, "expected the columns " + String.join(", ", COLUMNS))));
        }
        List<Line> lines = new ArrayList<>();
        List<Violation> problems = new ArrayList<>();
        for (CsvReader.Row row : rows.subList(1, rows.size())) {
            if (row.cells().size() != COLUMNS.size()) {
                problems.add(Violation.ofLine(row.line(), null, "has " + row.cells().size() + " columns, not " + COLUMNS.size()));
                continue;
            }
            List<String> cells = row.cells();
            Integer notice = number(cells.get(2), row.line(), "noticePeriodDays", problems);
            Integer window = number(cells.get(3), row.line(), "objectionWindowDays", problems);
            List<ContactInput> contacts = new ArrayList<>();
            for (String contact : split(cells.get(5))) {
                Matcher named = NAMED_ADDRESS.matcher(contact);
                contacts.add(named.matches() ? new ContactInput(named.group(2), named.group(1), null)
                        : new ContactInput(contact, null, null));
            }
            lines.add(new Line(row.line(), new CustomerInput(cells.get(0), cells.get(1), notice, window,
                    split(cells.get(4)), contacts)));
        }
        if (!problems.isEmpty()) {
            throw refusal(problems);
        }
        return lines;
    }

    public static InvalidInputException refusal(List<Violation> problems) {
        Violation first = problems.get(0);
        return new InvalidInputException("nothing was imported: " + problems.size() + " problem(s), the first on line "
                + first.line() + (first.field() == null ? "" : " (" + first.field() + ")") + ": " + first.message(), problems);
    }

    /** Customers as the import reads them: exporting and importing again changes nothing. */
    public static String write(List<CustomerView> customers) {
        CsvWriter csv = new CsvWriter().row(COLUMNS);
        for (CustomerView customer : customers) {
            csv.row(customer.name(), customer.reference() == null ? "" : customer.reference(), customer.noticePeriodDays(),
                    customer.objectionWindowDays() == null ? "" : customer.objectionWindowDays(),
                    String.join(";", customer.sections()),
                    String.join(";", customer.contacts().stream().filter(c -> c.status() == CustomerView.ContactStatus.LIVE)
                            .map(c -> c.name() == null ? c.email() : c.name() + " <" + c.email() + ">").toList()));
        }
        return csv.toString();
    }

    private static Integer number(String cell, int line, String field, List<Violation> problems) {
        String value = cell.strip();
        if (value.isEmpty()) {
            return null;
        }
        if (!value.matches("\\d{1,4}")) {
            problems.add(Violation.ofLine(line, field, "must be a whole number of days"));
            return null;
        }
        return Integer.valueOf(value);
    }

    private static List<String> split(String cell) {
        return Arrays.stream(cell.split(";")).map(String::strip).filter(part -> !part.isEmpty()).toList();
    }
}
