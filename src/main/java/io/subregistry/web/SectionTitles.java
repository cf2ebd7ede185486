package io.subregistry.web;

import io.subregistry.registry.Section;
import io.subregistry.registry.version.VersionHeader;
import io.subregistry.registry.version.VersionQueries;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.Map;

/**
 * The title of every section key a page may show for a version's changes: the version's own
 * titles first, then those of the version before it for sections the version removed.
 */
@ApplicationScoped
public class SectionTitles {

    private final VersionQueries versions;

    public SectionTitles(VersionQueries versions) {
        this.versions = versions;
    }

    /** Every section title the published versions used, the newest title of a key winning. */
    public Map<String, String> published() {
        Map<String, String> titles = new HashMap<>();
        versions.latest().ifPresent(latest -> {
            for (int number = latest.number(); number >= 1; number--) {
                versions.snapshot(number).sections().forEach(section -> titles.putIfAbsent(section.key(), section.title()));
            }
        });
        return titles;
    }

    /** For the changes a version made. */
    public Map<String, String> of(int version) {
        return between(versions.standingBefore(version).map(VersionHeader::number).orElse(version), version);
    }

    /** For the changes between two versions. */
    public Map<String, String> between(int from, int to) {
        Map<String, String> titles = new HashMap<>();
        for (Section section : versions.snapshot(to).sections()) {
            titles.put(section.key(), section.title());
        }
        if (from != to) {
            versions.snapshot(from).sections().forEach(section -> titles.putIfAbsent(section.key(), section.title()));
        }
        return titles;
    }
}
