package io.subregistry.web.embed;

import io.subregistry.platform.i18n.Language;
import io.subregistry.registry.version.PublishedList.ListedSection;
import io.subregistry.web.PageViews.Upcoming;

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
}
