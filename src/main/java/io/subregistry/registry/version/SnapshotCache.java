package io.subregistry.registry.version;

import io.subregistry.platform.ResettableCache;
import io.subregistry.registry.Snapshot;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.Map;

/** Published snapshots never change, so the few most recently used are kept in memory. */
@ApplicationScoped
public class SnapshotCache implements ResettableCache {

    private static final int CAPACITY = 8;

    private final VersionRepository versions;
    private final Map<Integer, Snapshot> recent = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, Snapshot> eldest) {
            return size() > CAPACITY;
        }
    };

    public SnapshotCache(VersionRepository versions) {
        this.versions = versions;
    }

    /** The snapshot of a version known to exist. */
    public Snapshot of(int number) {
        synchronized (recent) {
            Snapshot cached = recent.get(number);
            if (cached != null) {
                return cached;
            }
        }
        Snapshot loaded = versions.snapshotOf(number);
        synchronized (recent) {
            recent.put(number, loaded);
        }
        return loaded;
    }

    @Override
    public void clear() {
        synchronized (recent) {
            recent.clear();
        }
    }
}
