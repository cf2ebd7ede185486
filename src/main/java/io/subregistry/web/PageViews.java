package io.subregistry.web;

import io.subregistry.diff.ChangeLines.ChangeLine;
import io.subregistry.registry.version.PublishedList.ListedSection;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** What the public pages show, prepared in Java so that templates only print (escaped) values; dates print {date.readable(site.lang)}. */
public final class PageViews {

    private PageViews() {
    }

    /** The public list page. */
    public record ListPage(Integer version, LocalDate lastUpdated, List<ListedSection> sections, List<Upcoming> upcoming,
                           String csrf, SubscribeForm form, List<Choice> sectionChoices) {
    }

    /** A version not yet in force and what it changes. */
    public record Upcoming(int version, int previous, LocalDate effective, String summary, String emergencyReason, List<ChangeLine> changes) {
    }

    /** A section offered in the subscribe form. */
    public record Choice(String key, String title, boolean chosen) {
    }

    /** A row of the history page. */
    public record HistoryRow(int number, int previous, String status, LocalDate published, LocalDate effective, String summary,
                             Map<String, Integer> counts, int total, String emergencyReason, String withdrawalReason) {
    }

    /** A version's page. */
    public record VersionPage(int number, String status, LocalDate published, LocalDate effective, String summary,
                              String publisher, String emergencyReason, String hash, String previousHash,
                              List<ListedSection> sections, List<ChangeLine> changes, Integer previous,
                              LocalDate withdrawn, String withdrawalReason) {
    }

    /** The diff page between two chosen versions. */
    public record DiffPage(List<Integer> versions, Integer from, Integer to, List<ChangeLine> changes, String error) {
    }
}
