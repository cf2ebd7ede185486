package io.subregistry.web.embed;

import io.subregistry.brand.Brand;
import io.subregistry.brand.BrandService;
import io.subregistry.diff.Change;
import io.subregistry.diff.ChangeLines;
import io.subregistry.platform.RegistryConfig;
import io.subregistry.platform.i18n.Language;
import io.subregistry.registry.version.PublishedList;
import io.subregistry.registry.version.PublishedList.ListedSection;
import io.subregistry.registry.version.PublishedListService;
import io.subregistry.registry.version.RecordedChange;
import io.subregistry.registry.version.VersionHeader;
import io.subregistry.registry.version.VersionQueries;
import io.subregistry.web.PageViews.Upcoming;
import io.subregistry.web.SectionTitles;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Gathers what {@code /embed} shows: the list in force, the upcoming versions and the brand. */
@ApplicationScoped
public class EmbedViews {

    private final PublishedListService lists;
    private final VersionQueries versions;
    private final SectionTitles titles;
    private final BrandService brands;
    private final RegistryConfig config;

    public EmbedViews(PublishedListService lists, VersionQueries versions, SectionTitles titles, BrandService brands,
                      RegistryConfig config) {
        this.lists = lists;
        this.versions = versions;
        this.titles = titles;
        this.brands = brands;
        this.config = config;
    }

    /**
     * The list, or one of its sections ({@code sectionKey}; blank for all): with a section, only the
     * upcoming changes that concern it are shown.
     */
    public EmbedView of(Language language, String sectionKey) {
        Brand brand = brands.current();
        VersionQueries.Moment moment = versions.moment();
        PublishedList list = lists.current().list();
        List<ListedSection> sections = list == null ? List.of() : list.sections();
        String wanted = sectionKey == null || sectionKey.isBlank() ? null : sectionKey.strip();
        if (wanted != null) {
            sections = sections.stream().filter(section -> section.key().equals(wanted)).toList();
        }
        boolean unknown = wanted != null && sections.isEmpty();
        List<Upcoming> upcoming = unknown ? List.of() : moment.upcoming().stream()
                .map(header -> upcoming(header, wanted))
                .filter(shown -> wanted == null || !shown.changes().isEmpty())
                .toList();
        return new EmbedView(language, brand.companyName(), brand.hasLogo() ? brand.logo().url() : null, brand.themeUrl(), list == null ? null : list.version(),
                list == null ? null : list.lastUpdated(), sections, upcoming, wanted, unknown);
    }

    private Upcoming upcoming(VersionHeader header, String sectionKey) {
        List<Change> changes = versions.changesOf(header.number()).stream()
                .map(RecordedChange::change)
                .filter(change -> sectionKey == null || sectionKey.equals(change.section())
                        || sectionKey.equals(change.fromSection()))
                .toList();
        int previous = versions.standingBefore(header.number()).map(VersionHeader::number).orElse(header.number() - 1);
        return new Upcoming(header.number(), previous, date(header.effectiveAt()), header.summary(),
                header.emergencyReason(), ChangeLines.of(changes, titles.of(header.number())));
    }

    private LocalDate date(Instant instant) {
        return LocalDate.ofInstant(instant, config.zone());
    }
}
