package io.subregistry.web;

import io.subregistry.diff.ChangeLines.ChangeLine;
import io.subregistry.diff.ChangeType;
import io.subregistry.registry.version.PublishedList.ListedSection;
import io.subregistry.registry.version.VersionStatus;

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
    public record HistoryRow(int number, int previous, VersionStatus status, LocalDate published, LocalDate effective, String summary,
                             ChangeCounts counts, int total, String emergencyReason, String withdrawalReason) {

        /** The class of the badge beside the version's number; a superseded version has none. */
        public String badge() {
            return switch (status) {
                case CURRENT -> "new";
                case UPCOMING -> "modified";
                case WITHDRAWN -> "removed";
                case SUPERSEDED -> null;
            };
        }
    }

    /** How many changes of each kind a version made, as the history page counts them: a section's changes together. */
    public record ChangeCounts(int added, int removed, int modified, int moved, int sectionChanges) {

        static ChangeCounts of(Map<ChangeType, Integer> counts) {
            return new ChangeCounts(counts.get(ChangeType.ADDED), counts.get(ChangeType.REMOVED), counts.get(ChangeType.MODIFIED),
                    counts.get(ChangeType.MOVED), counts.get(ChangeType.SECTION_ADDED) + counts.get(ChangeType.SECTION_MODIFIED)
                    + counts.get(ChangeType.SECTION_REMOVED));
        }
    }

    /** A version's page. */
    public record VersionPage(int number, VersionStatus status, LocalDate published, LocalDate effective, String summary,
                              String publisher, String emergencyReason, String hash, String previousHash,
                              List<ListedSection> sections, List<ChangeLine> changes, Integer previous,
                              LocalDate withdrawn, String withdrawalReason) {
    }

    /** The diff page between two chosen versions. */
    public record DiffPage(List<Integer> versions, Integer from, Integer to, List<ChangeLine> changes, String error) {
    }
}
