package io.subregistry.registry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The whole list at one moment: sections in page order, each with its sub-processors. */
public record Snapshot(List<Section> sections) {

    public static final Snapshot EMPTY = new Snapshot(List.of());

    public Snapshot {
        sections = List.copyOf(sections);
    }

    public int size() {
        return sections.stream().mapToInt(section -> section.subprocessors().size()).sum();
    }

    public Optional<Section> section(String key) {
        return sections.stream().filter(section -> section.key().equals(key)).findFirst();
    }

    /** Every entry by id, with the key of the section that holds it. */
    public Map<UUID, Placed> entriesById() {
        Map<UUID, Placed> byId = new LinkedHashMap<>(size() * 2);
        for (Section section : sections) {
            for (Subprocessor subprocessor : section.subprocessors()) {
                byId.put(subprocessor.id(), new Placed(section.key(), subprocessor));
            }
        }
        return byId;
    }

    /** A sub-processor together with the section it is listed in. */
    public record Placed(String sectionKey, Subprocessor subprocessor) {
    }
}
