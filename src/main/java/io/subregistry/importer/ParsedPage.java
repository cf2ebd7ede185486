package io.subregistry.importer;

import java.time.LocalDate;
import java.util.List;

/**
 * What the text of a published page says, before any key is assigned.
 *
 * @param lastUpdated the page's "Last updated" date, if it shows one
 */
public record ParsedPage(List<PageSection> sections, List<PageEntry> entries, LocalDate lastUpdated) {

    public record PageSection(int line, String title, String description, String note) {
    }

    /** @param markedNew the page flagged this entry "New" */
    public record PageEntry(int line, int section, String name, String legalAddress, String location,
                            String processingActivity, boolean markedNew) {
    }
}
