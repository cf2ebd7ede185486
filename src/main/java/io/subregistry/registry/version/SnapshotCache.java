package io.subregistry.registry.version;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.subregistry.platform.CachedValues;
import io.subregistry.registry.Snapshot;
import jakarta.enterprise.context.ApplicationScoped;

/** Published snapshots never change, so the few most recently used are kept in the {@value #CACHE} cache. */
@ApplicationScoped
public class SnapshotCache {

    public static final String CACHE = "version-snapshots";

    private final VersionRepository versions;
    private final Cache cache;

    public SnapshotCache(VersionRepository versions, @CacheName(CACHE) Cache cache) {
        this.versions = versions;
        this.cache = cache;
    }

    /** The snapshot of a version known to exist. */
    public Snapshot of(int number) {
        return CachedValues.get(cache, number, versions::snapshotOf);
    }
}
