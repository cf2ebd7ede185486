package io.subregistry.web.embed;

import io.subregistry.brand.Brand;
import io.subregistry.brand.BrandService;
import io.subregistry.diff.Change;
import io.subregistry.platform.RegistryConfig;
import io.subregistry.platform.i18n.Language;
import io.subregistry.registry.Subprocessor;
import io.subregistry.registry.SubprocessorField;
import io.subregistry.registry.version.PublishedList;
import io.subregistry.registry.version.PublishedList.ListedSection;
import io.subregistry.registry.version.PublishedListService;
import io.subregistry.registry.version.RecordedChange;
import io.subregistry.registry.version.VersionHeader;
import io.subregistry.registry.version.VersionQueries;
import io.subregistry.web.SectionTitles;
import io.subregistry.web.embed.EmbedView.ChangeView;
import io.subregistry.web.embed.EmbedView.FieldView;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
        List<EmbedView.Upcoming> upcoming = unknown ? List.of() : moment.upcoming().stream()
                .map(header -> upcoming(header, wanted))
                .filter(shown -> wanted == null || !shown.changes().isEmpty())
                .toList();
        return new EmbedView(language, brand.companyName(), brand.hasLogo() ? brand.logo().url() : null, brand.themeUrl(), list == null ? null : list.version(),
                list == null ? null : list.lastUpdated(), sections, upcoming, wanted, unknown);
    }

    private EmbedView.Upcoming upcoming(VersionHeader header, String sectionKey) {
        Map<String, String> sectionTitles = titles.of(header.number());
        List<ChangeView> changes = versions.changesOf(header.number()).stream()
                .map(RecordedChange::change)
                .filter(change -> sectionKey == null || sectionKey.equals(change.section())
                        || sectionKey.equals(change.fromSection()))
                .map(change -> view(change, sectionTitles))
                .toList();
        int previous = versions.standingBefore(header.number()).map(VersionHeader::number).orElse(header.number() - 1);
        return new EmbedView.Upcoming(header.number(), previous, date(header.effectiveAt()), header.summary(),
                header.emergencyReason(), changes);
    }

    private static ChangeView view(Change change, Map<String, String> sectionTitles) {
        String section = sectionTitles.getOrDefault(change.section(), change.section());
        String from = change.fromSection() == null ? null : sectionTitles.getOrDefault(change.fromSection(), change.fromSection());
        List<FieldView> fields = switch (change.type()) {
            case ADDED, REMOVED -> everyField(change.entry());
            case MODIFIED, SECTION_MODIFIED -> change.fields().stream()
                    .map(field -> new FieldView(field.field(), field.before(), field.after(), true)).toList();
            default -> List.of();
        };
        String kind = switch (change.type()) {
            case ADDED -> "added";
            case REMOVED -> "removed";
            case MODIFIED -> "modified";
            case MOVED -> "moved";
            case SECTION_ADDED -> "sectionAdded";
            case SECTION_REMOVED -> "sectionRemoved";
            case SECTION_MODIFIED -> "sectionChanged";
        };
        return new ChangeView(kind, change.name(), section, from, fields);
    }

    private static List<FieldView> everyField(Subprocessor entry) {
        List<FieldView> fields = new ArrayList<>();
        if (entry == null) {
            return fields;
        }
        for (SubprocessorField field : SubprocessorField.values()) {
            String value = field.valueOf(entry);
            if (field != SubprocessorField.NAME && value != null) {
                fields.add(new FieldView(field.jsonName(), null, value, false));
            }
        }
        return fields;
    }

    private LocalDate date(Instant instant) {
        return LocalDate.ofInstant(instant, config.zone());
    }
}
