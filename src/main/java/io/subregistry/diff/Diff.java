package io.subregistry.diff;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The changes that turn one snapshot into another. */
public record Diff(List<Change> changes) {

    public Diff {
        changes = List.copyOf(changes);
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    public Map<ChangeType, Integer> counts() {
        Map<ChangeType, Integer> counts = new EnumMap<>(ChangeType.class);
        for (ChangeType type : ChangeType.values()) {
            counts.put(type, 0);
        }
        changes.forEach(change -> counts.merge(change.type(), 1, Integer::sum));
        return counts;
    }

    public List<Change> ofType(ChangeType type) {
        return changes.stream().filter(change -> change.type() == type).toList();
    }
}
