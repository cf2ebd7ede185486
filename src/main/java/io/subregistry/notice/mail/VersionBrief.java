package io.subregistry.notice.mail;

import io.subregistry.diff.Change;
import io.subregistry.registry.version.VersionHeader;

import java.util.List;
import java.util.Map;

/** What every notice about one version needs: its header, its changes and its section titles. */
public record VersionBrief(VersionHeader header, List<Change> changes, Map<String, String> sectionTitles,
                           Integer previousNumber) {
}
