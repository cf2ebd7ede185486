package io.subregistry.platform;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CaffeineCache;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Reads a quarkus-cache cache from blocking code. A hit, the hot path of every public read, is
 * taken straight from Caffeine: {@link Cache#get} would wrap it in a Uni bound to the Vert.x
 * context, which cost a fifth of the public list's throughput (bench/http.sh). A miss loads the
 * value once per key, as {@link Cache#get} does, and waits for it.
 */
public final class CachedValues {

    private CachedValues() {
    }

    /** The value if it is loaded already; never loads, never blocks (for the event loop). */
    public static <K, V> Optional<V> ifLoaded(Cache cache, K key) {
        CompletableFuture<V> present = cache.as(CaffeineCache.class).getIfPresent(key);
        return present != null && present.isDone() && !present.isCompletedExceptionally()
                ? Optional.ofNullable(present.join()) : Optional.empty();
    }

    public static <K, V> V get(Cache cache, K key, Function<K, V> loader) {
        CompletableFuture<V> present = cache.as(CaffeineCache.class).getIfPresent(key);
        if (present != null && present.isDone() && !present.isCompletedExceptionally()) {
            return present.join();
        }
        return cache.get(key, loader).await().indefinitely();
    }
}
