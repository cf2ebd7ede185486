package io.subregistry.importer;

import io.subregistry.importer.ParsedPage.PageEntry;
import io.subregistry.importer.ParsedPage.PageSection;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the text of a "Sub-processors" page as a browser copies it: a title and description per
 * section, a header row (Sub-Processor / Legal address / Location / Processing Activity), then a
 * block per sub-processor whose lines start with those labels. A trailing " New" on a name is the
 * page's badge, not part of the name. Text before the first section (navigation, "Last updated")
 * and after the last table (footers) is not part of any section.
 */
public final class PageTextParser {

    static final String NAME = "Sub-Processor";
    static final String LEGAL_ADDRESS = "Legal address";
    static final String LOCATION = "Location";
    static final String ACTIVITY = "Processing Activity";
    private static final List<String> HEADER = List.of(NAME, LEGAL_ADDRESS, LOCATION, ACTIVITY);
    private static final DateTimeFormatter PAGE_DATE = DateTimeFormatter.ofPattern("MMMM d, uuuu", Locale.ENGLISH);

    private final List<Line> lines;
    private final ImportProblems problems;
    private final List<PageSection> sections = new ArrayList<>();
    private final List<PageEntry> entries = new ArrayList<>();
    /** Non-empty lines not yet claimed, grouped in paragraphs (blank-line separated). */
    private final List<List<Line>> pending = new ArrayList<>();
    private LocalDate lastUpdated;
    private EntryBuilder entry;

    private record Line(int number, String text) {
    }

    private PageTextParser(String text, ImportProblems problems) {
        this.problems = problems;
        this.lines = new ArrayList<>();
        String[] raw = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < raw.length; i++) {
            lines.add(new Line(i + 1, clean(raw[i])));
        }
    }

    static ParsedPage parse(String text, ImportProblems problems) {
        PageTextParser parser = new PageTextParser(text, problems);
        parser.run();
        return new ParsedPage(parser.sections, parser.entries, parser.lastUpdated);
    }

    private void run() {
        boolean blankBefore = true;
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            if (line.text().isEmpty()) {
                blankBefore = true;
                continue;
            }
            if (isHeaderAt(i)) {
                finishEntry();
                startSection(line);
                i = skipHeader(i);
                blankBefore = true;
                continue;
            }
            if (!sections.isEmpty() && readsEntryLine(i)) {
                if (consumesNextLine(line)) {
                    i = nextNonEmpty(i);
                }
                blankBefore = false;
                continue;
            }
            finishEntry();
            if (blankBefore || pending.isEmpty()) {
                pending.add(new ArrayList<>());
            }
            pending.get(pending.size() - 1).add(line);
            blankBefore = false;
        }
        finishEntry();
        reportUnclaimed(List.of());
        if (sections.isEmpty()) {
            problems.atLine(1, null, "no table of sub-processors found (expected a header row: "
                    + String.join(" / ", HEADER) + ")");
        }
    }

    // ------------------------------------------------------------------ sections

    private void startSection(Line header) {
        if (sections.isEmpty()) {
            findLastUpdated();
        }
        if (pending.isEmpty()) {
            problems.atLine(header.number(), "title", "the table has no section title above it");
            sections.add(new PageSection(header.number(), "", null, null));
            return;
        }
        List<Line> last = pending.get(pending.size() - 1);
        Line title;
        List<Line> description;
        if (last.size() >= 2) {
            title = last.get(0);
            description = last.subList(1, last.size());
        } else if (pending.size() >= 2 && looksLikeSentence(last.get(0).text())) {
            List<Line> before = pending.get(pending.size() - 2);
            title = before.get(before.size() - 1);
            description = last;
        } else {
            title = last.get(0);
            description = List.of();
        }
        if (!sections.isEmpty()) {
            List<Line> used = new ArrayList<>(description);
            used.add(title);
            reportUnclaimed(used);
        }
        String text = String.join(" ", description.stream().map(Line::text).toList());
        String note = null;
        int noteAt = text.indexOf("Note:");
        if (noteAt >= 0) {
            note = text.substring(noteAt + "Note:".length()).strip();
            text = text.substring(0, noteAt).strip();
        }
        sections.add(new PageSection(title.number(), title.text(), text.isEmpty() ? null : text,
                note == null || note.isEmpty() ? null : note));
        pending.clear();
    }

    /**
     * Between and after the tables every line must belong to an entry or a section heading: a
     * mistyped label would otherwise drop a sub-processor without a word.
     */
    private void reportUnclaimed(List<Line> used) {
        if (sections.isEmpty()) {
            return;
        }
        pending.stream().flatMap(List::stream).filter(line -> !used.contains(line)).forEach(line ->
                problems.atLine(line.number(), null, "'" + abbreviate(line.text())
                        + "' is neither part of an entry nor a section heading"));
        if (used.isEmpty()) {
            pending.clear();
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }

    private void findLastUpdated() {
        List<Line> preamble = pending.stream().flatMap(List::stream).toList();
        for (int i = 0; i < preamble.size(); i++) {
            String text = preamble.get(i).text();
            if (text.toLowerCase(Locale.ROOT).startsWith("last updated")) {
                String rest = text.substring("last updated".length()).replaceFirst("^\\s*:?\\s*", "");
                String date = rest.isEmpty() && i + 1 < preamble.size() ? preamble.get(i + 1).text() : rest;
                try {
                    lastUpdated = LocalDate.parse(date, PAGE_DATE);
                } catch (DateTimeParseException e) {
                    problems.atLine(preamble.get(i).number(), "lastUpdated", "'" + date + "' is not a date like February 2, 2026");
                }
            }
        }
    }

    private static boolean looksLikeSentence(String text) {
        return text.endsWith(".") || text.length() > 80;
    }

    private boolean isHeaderAt(int index) {
        int at = index;
        for (String label : HEADER) {
            if (at >= lines.size() || !lines.get(at).text().equalsIgnoreCase(label)) {
                return false;
            }
            at = nextNonEmpty(at);
        }
        return true;
    }

    private int skipHeader(int index) {
        int at = index;
        for (int i = 1; i < HEADER.size(); i++) {
            at = nextNonEmpty(at);
        }
        return at;
    }

    private int nextNonEmpty(int index) {
        int at = index + 1;
        while (at < lines.size() && lines.get(at).text().isEmpty()) {
            at++;
        }
        return at;
    }

    // ------------------------------------------------------------------ entries

    /** Handles a labelled line of an entry; false when the line is not one. */
    private boolean readsEntryLine(int index) {
        Line line = lines.get(index);
        String text = line.text();
        if (startsWithLabel(text, NAME)) {
            finishEntry();
            entry = new EntryBuilder(line.number());
            entry.name = valueAfter(index, NAME);
            return true;
        }
        if (entry == null) {
            return false;
        }
        if (entry.legalAddress == null && startsWithLabel(text, LEGAL_ADDRESS)) {
            entry.legalAddress = valueAfter(index, LEGAL_ADDRESS);
            return true;
        }
        if (entry.location == null && startsWithLabel(text, LOCATION)) {
            entry.location = valueAfter(index, LOCATION);
            return true;
        }
        if (entry.activity == null && startsWithLabel(text, ACTIVITY)) {
            entry.activity = valueAfter(index, ACTIVITY);
            return true;
        }
        return false;
    }

    /** A label alone on its line has its value on the next non-empty line. */
    private boolean consumesNextLine(Line line) {
        return HEADER.stream().anyMatch(label -> line.text().equalsIgnoreCase(label));
    }

    private String valueAfter(int index, String label) {
        String rest = lines.get(index).text().substring(label.length()).strip();
        if (!rest.isEmpty()) {
            return rest;
        }
        int next = nextNonEmpty(index);
        return next < lines.size() ? lines.get(next).text() : "";
    }

    /** Labels are matched with their exact case: "Sub-processors that…" is a description, not an entry. */
    private static boolean startsWithLabel(String text, String label) {
        return text.startsWith(label);
    }

    private void finishEntry() {
        if (entry == null) {
            return;
        }
        EntryBuilder done = entry;
        entry = null;
        List<String> missing = new ArrayList<>();
        if (done.legalAddress == null) {
            missing.add(LEGAL_ADDRESS);
        }
        if (done.location == null) {
            missing.add(LOCATION);
        }
        if (done.activity == null) {
            missing.add(ACTIVITY);
        }
        if (!missing.isEmpty()) {
            problems.atLine(done.line, null, "the entry '" + done.name + "' has no " + String.join(", ", missing) + " line");
            return;
        }
        boolean markedNew = false;
        String name = done.name;
        if (name.matches("(?s).*\\sNew")) {
            name = name.substring(0, name.length() - 3).strip();
            markedNew = true;
        }
        entries.add(new PageEntry(done.line, sections.size() - 1, name, done.legalAddress, done.location, done.activity,
                markedNew));
    }

    private static final class EntryBuilder {
        final int line;
        String name;
        String legalAddress;
        String location;
        String activity;

        EntryBuilder(int line) {
            this.line = line;
        }
    }

    /** Browsers copy non-breaking spaces and odd whitespace; names should not keep them at the edges. */
    private static String clean(String line) {
        return line.replace('\u00A0', ' ').strip();
    }
}
