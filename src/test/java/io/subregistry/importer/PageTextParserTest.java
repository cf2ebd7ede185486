package io.subregistry.importer;

import io.subregistry.importer.ParsedPage.PageEntry;
import io.subregistry.importer.ParsedPage.PageSection;
import io.subregistry.platform.error.InvalidInputException;
import io.subregistry.platform.error.RegistryException.Violation;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class PageTextParserTest {

    private static final String SAMPLE = sample();

    // ------------------------------------------------------------------ the real example page

    @Test
    void theSamplePageParsesWithoutProblems() {
        ImportProblems problems = new ImportProblems();

        PageTextParser.parse(SAMPLE, problems);

        assertThat(violations(problems)).isEmpty();
    }

    @Test
    void theSamplePageHasThreeSectionsWithTheirTitlesAndLines() {
        ParsedPage page = parseSample();

        assertThat(page.sections()).extracting(PageSection::title, PageSection::line).containsExactly(
                tuple("Product-related sub-processors", 8),
                tuple("Sales activities related sub-processors", 53),
                tuple("Customer Support related sub-processors", 82));
    }

    @Test
    void descriptionsLeaveTheNoteOut() {
        assertThat(parseSample().sections()).extracting(PageSection::description).containsExactly(
                "Sub-processors that handle core platform functionality, infrastructure, and product operations.",
                "Sub-processors that support sales, marketing, and business development activities.",
                "Sub-processors that provide customer service, support, and communication tools.");
    }

    @Test
    void notesAreTheTextAfterNote() {
        assertThat(parseSample().sections()).extracting(PageSection::note).containsExactly(
                "Some processors handle only practitioner data, not patient data.",
                "These processors do not handle patient or health data.",
                null);
    }

    @Test
    void theSamplePageListsSeventeenEntriesNineFiveAndThree() {
        List<PageEntry> entries = parseSample().entries();

        assertThat(entries).hasSize(17);
        assertThat(entries.stream().filter(e -> e.section() == 0)).hasSize(9);
        assertThat(entries.stream().filter(e -> e.section() == 1)).hasSize(5);
        assertThat(entries.stream().filter(e -> e.section() == 2)).extracting(PageEntry::name)
                .containsExactly("ADA", "Google Workspace", "HelpScout");
    }

    @Test
    void anEntryHasAllFourColumns() {
        PageEntry aws = entry(parseSample(), "AWS (PaaS)");

        assertThat(aws).isEqualTo(new PageEntry(16, 0, "AWS (PaaS)", "38 Avenue John F. Kennedy, L-1855, Luxembourg",
                "Customer location", "Full user and patient data including personal identifiers, health data, messages,"
                + " logs, and backups", false));
    }

    @Test
    void theNewBadgeIsAFlagNotPartOfTheName() {
        ParsedPage page = parseSample();
        PageEntry gong = entry(page, "Gong.io");

        assertThat(gong.markedNew()).isTrue();
        assertThat(gong.section()).isEqualTo(1);
        assertThat(page.entries()).filteredOn(PageEntry::markedNew).extracting(PageEntry::name).containsExactly("Gong.io");
        assertThat(page.entries()).extracting(PageEntry::name).noneMatch(name -> name.endsWith("New"));
    }

    @Test
    void aNonBreakingHyphenInAValueIsKept() {
        assertThat(entry(parseSample(), "Gong.io").processingActivity())
                .isEqualTo("Communication analytics and transcription services; phone\u2011call recording and analysis"
                        + " infrastructure");
    }

    @Test
    void theLastUpdatedDateIsRead() {
        assertThat(parseSample().lastUpdated()).isEqualTo(LocalDate.of(2026, 2, 2));
    }

    @Test
    void everyEntryPointsAtItsSubProcessorLine() {
        String[] lines = SAMPLE.split("\r\n|\r|\n", -1);
        ParsedPage page = parseSample();

        assertThat(page.entries()).extracting(PageEntry::name, PageEntry::line)
                .contains(tuple("AWS (PaaS)", 16), tuple("Gong.io", 65), tuple("HelpScout", 98));
        assertThat(page.entries()).allSatisfy(entry ->
                assertThat(lines[entry.line() - 1]).startsWith("Sub-Processor" + entry.name()));
    }

    // ------------------------------------------------------------------ other layouts

    @Test
    void labelsOnTheirOwnLineTakeTheValueFromTheNextLine() {
        String page = """
                Product-related sub-processors

                Sub-Processor
                Legal address
                Location
                Processing Activity
                Sub-Processor
                AWS

                Legal address
                38 Avenue John F. Kennedy, Luxembourg
                Location
                EU
                Processing Activity
                Hosting
                Sub-ProcessorSentry
                Legal address
                45 Fremont Street
                LocationUSA
                Processing Activity
                Errors
                """;

        ParsedPage parsed = parse(page);

        assertThat(parsed.entries()).containsExactly(
                new PageEntry(7, 0, "AWS", "38 Avenue John F. Kennedy, Luxembourg", "EU", "Hosting", false),
                new PageEntry(16, 0, "Sentry", "45 Fremont Street", "USA", "Errors", false));
    }

    @Test
    void aSectionWithoutDescriptionHasOnlyItsTitle() {
        ParsedPage parsed = parse("""
                Sub-processors

                Support tools

                Sub-Processor
                Legal address
                Location
                Processing Activity
                Sub-ProcessorADA
                Legal addressBerlin
                LocationEU
                Processing ActivityChats
                """);

        assertThat(parsed.sections()).containsExactly(new PageSection(3, "Support tools", null, null));
    }

    @Test
    void aDescriptionOnSeveralLinesIsJoined() {
        ParsedPage parsed = parse("""
                Support tools
                Tools for customer service
                and communication. Note: No
                health data.

                Sub-Processor
                Legal address
                Location
                Processing Activity
                Sub-ProcessorADA
                Legal addressBerlin
                LocationEU
                Processing ActivityChats
                """);

        assertThat(parsed.sections()).containsExactly(new PageSection(1, "Support tools",
                "Tools for customer service and communication.", "No health data."));
    }

    @Test
    void lastUpdatedMayBeOnTheSameLine() {
        ParsedPage parsed = parse("Last updated: March 9, 2026\n\n" + minimalSection());

        assertThat(parsed.lastUpdated()).isEqualTo(LocalDate.of(2026, 3, 9));
    }

    @Test
    void windowsLineEndsGiveTheSameResult() {
        ParsedPage unix = parseSample();

        ParsedPage windows = parse(SAMPLE.replace("\r\n", "\n").replace("\n", "\r\n"));

        assertThat(windows).isEqualTo(unix);
    }

    // ------------------------------------------------------------------ problems

    @Test
    void anEntryWithoutItsLocationLineIsReportedAtThatEntrysLine() {
        String page = """
                Product-related sub-processors

                Sub-Processor
                Legal address
                Location
                Processing Activity
                Sub-ProcessorAWS
                Legal addressLuxembourg
                LocationEU
                Processing ActivityHosting
                Sub-ProcessorSentry
                Legal addressSan Francisco
                Processing ActivityErrors
                Sub-ProcessorZoom
                Legal addressSan Jose
                LocationUSA
                Processing ActivityMeetings
                """;
        ImportProblems problems = new ImportProblems();

        ParsedPage parsed = PageTextParser.parse(page, problems);

        assertThat(violations(problems)).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(11);
            assertThat(problem.message()).contains("'Sentry'").contains("no Location line");
        });
        assertThat(parsed.entries()).extracting(PageEntry::name).containsExactly("AWS", "Zoom");
    }

    @Test
    void aMistypedNameLabelIsReportedNotSilentlyDropped() {
        String page = """
                Product-related sub-processors

                Sub-Processor
                Legal address
                Location
                Processing Activity
                Sub-ProcessorAWS
                Legal addressLuxembourg
                LocationEU
                Processing ActivityHosting
                Sub Processor Foo
                Legal addressFoo Street
                LocationEU
                Processing ActivityFoo things
                Sub-ProcessorZoom
                Legal addressSan Jose
                LocationUSA
                Processing ActivityMeetings

                Sales sub-processors

                Sub-processors for sales.

                Sub-Processor
                Legal address
                Location
                Processing Activity
                Sub-ProcessorHubSpot
                Legal addressDublin
                LocationEU
                Processing ActivityCampaigns
                """;
        ImportProblems problems = new ImportProblems();

        ParsedPage parsed = PageTextParser.parse(page, problems);

        assertThat(violations(problems)).extracting(Violation::line).contains(11);
        assertThat(violations(problems)).filteredOn(v -> v.line() == 11).singleElement()
                .extracting(Violation::message).asString()
                .contains("'Sub Processor Foo'").contains("neither part of an entry nor a section heading");
        assertThat(parsed.sections()).extracting(PageSection::title)
                .containsExactly("Product-related sub-processors", "Sales sub-processors");
    }

    @Test
    void aMistypedLabelInTheLastSectionIsReportedToo() {
        String page = minimalSection() + """
                Sub Processor Foo
                Legal addressFoo Street
                LocationEU
                Processing ActivityFoo things
                """;
        ImportProblems problems = new ImportProblems();

        PageTextParser.parse(page, problems);

        assertThat(violations(problems)).extracting(Violation::line).contains(13);
        assertThat(violations(problems)).isNotEmpty().allSatisfy(v -> assertThat(v.message()).contains("neither part"));
    }

    @Test
    void aMistypedFieldLabelEndsTheEntryWithAProblem() {
        String page = """
                Product-related sub-processors

                Sub-Processor
                Legal address
                Location
                Processing Activity
                Sub-ProcessorAWS
                Legal adressLuxembourg
                LocationEU
                Processing ActivityHosting
                """;
        ImportProblems problems = new ImportProblems();

        ParsedPage parsed = PageTextParser.parse(page, problems);

        assertThat(parsed.entries()).isEmpty();
        assertThat(violations(problems)).extracting(Violation::line).contains(7, 8);
    }

    @Test
    void aPageWithoutATableIsAProblem() {
        ImportProblems problems = new ImportProblems();

        ParsedPage parsed = PageTextParser.parse("Sub-processors\n\nWe use AWS and Zoom.\n", problems);

        assertThat(parsed.sections()).isEmpty();
        assertThat(parsed.entries()).isEmpty();
        assertThat(violations(problems)).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(1);
            assertThat(problem.message()).contains("no table of sub-processors found");
        });
    }

    @Test
    void anEmptyPageIsAProblem() {
        ImportProblems problems = new ImportProblems();

        PageTextParser.parse("", problems);

        assertThat(violations(problems)).hasSize(1);
    }

    @Test
    void anUnreadableLastUpdatedDateIsAProblemOnItsLine() {
        ImportProblems problems = new ImportProblems();

        PageTextParser.parse("Sub-processors\n\nLast updated: soon\n\n" + minimalSection(), problems);

        assertThat(violations(problems)).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(3);
            assertThat(problem.field()).isEqualTo("lastUpdated");
            assertThat(problem.message()).contains("'soon'");
        });
    }

    // ------------------------------------------------------------------ helpers

    private static String minimalSection() {
        return """
                Support tools

                Tools for customer service.

                Sub-Processor
                Legal address
                Location
                Processing Activity
                Sub-ProcessorADA
                Legal addressBerlin
                LocationEU
                Processing ActivityChats
                """;
    }

    private static ParsedPage parseSample() {
        return parse(SAMPLE);
    }

    /** Parses a page that must have no problems. */
    private static ParsedPage parse(String text) {
        ImportProblems problems = new ImportProblems();
        ParsedPage page = PageTextParser.parse(text, problems);
        assertThat(violations(problems)).as("problems").isEmpty();
        return page;
    }

    private static PageEntry entry(ParsedPage page, String name) {
        return page.entries().stream().filter(e -> e.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no entry " + name));
    }

    private static List<Violation> violations(ImportProblems problems) {
        try {
            problems.throwIfAny("page");
            return List.of();
        } catch (InvalidInputException e) {
            return e.violations();
        }
    }

    private static String sample() {
        try (InputStream in = PageTextParserTest.class.getResourceAsStream("/sample/subprocessors-page.txt")) {
            assertThat(in).as("sample page on the classpath").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
