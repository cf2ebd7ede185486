package io.subregistry.web.embed;

import io.subregistry.platform.i18n.Language;
import io.subregistry.registry.version.PublishedList.ListedSection;

import java.time.LocalDate;
import java.util.List;

/**
 * What {@code /embed} shows, prepared in Java so that the template only prints (escaped) values
 * and picks the words for the reader's language.
 *
 * @param section        the section asked for with ?section=, or null for the whole list
 * @param logoUrl the uploaded logo, or null
 * @param unknownSection a section was asked for that the list does not have
 */
public record EmbedView(Language lang, String companyName, String logoUrl, String themeUrl, Integer version, LocalDate lastUpdated,
                        List<ListedSection> sections, List<Upcoming> upcoming, String section, boolean unknownSection) {

    /** The language tag for {@code <html lang>} and links. */
    public String langTag() {
        return lang.tag();
    }

    /** A version not yet in force and what it changes (in the section asked for, if one was). */
    public record Upcoming(int version, int previous, LocalDate effective, String summary, String emergencyReason,
                           List<ChangeView> changes) {
    }

    /**
     * One change as a reader sees it.
     *
     * @param kind added, removed, modified, moved, sectionAdded, sectionRemoved or sectionChanged (the template's words)
     */
    public record ChangeView(String kind, String name, String section, String fromSection, List<FieldView> fields) {
    }

    /**
     * A field of an added or removed entry (its value), or of a modification (before and after; null is "none").
     *
     * @param field the field's JSON name (legalAddress, …), which the template turns into its label
     */
    public record FieldView(String field, String before, String after, boolean isChange) {
    }
}
