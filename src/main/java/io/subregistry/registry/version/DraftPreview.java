package io.subregistry.registry.version;

import io.subregistry.diff.Diff;
import io.subregistry.registry.Snapshot;

import java.util.HashMap;
import java.util.Map;

/**
 * What publishing the draft would change, and the one draft revision it was computed from:
 * whoever reviews this diff publishes by naming that revision.
 *
 * @param latestVersion the version the diff starts from; null before the first publish
 * @param sectionTitles the title of every section key in the draft or the latest version (the draft's first)
 */
public record DraftPreview(long draftRevision, Integer latestVersion, Diff diff, Map<String, String> sectionTitles) {

    public static Map<String, String> titles(Snapshot draft, Snapshot latest) {
        Map<String, String> titles = new HashMap<>();
        draft.sections().forEach(section -> titles.put(section.key(), section.title()));
        latest.sections().forEach(section -> titles.putIfAbsent(section.key(), section.title()));
        return Map.copyOf(titles);
    }
}
