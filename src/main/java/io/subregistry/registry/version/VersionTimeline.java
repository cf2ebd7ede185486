package io.subregistry.registry.version;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.subregistry.platform.CachedValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Every version's header, oldest first, held in the {@value #CACHE} cache so public reads need
 * no query. This instance's publishes empty it at once; the cache entry also expires after
 * {@code registry.list-refresh}, which is how versions published by other instances appear
 * (docs/ARCHITECTURE.md, "Caches").
 */
@ApplicationScoped
public class VersionTimeline {

    public static final String CACHE = "version-timeline";
    private static final String ALL = "all";

    private final VersionRepository versions;
    private final Cache cache;

    public VersionTimeline(VersionRepository versions, @CacheName(CACHE) Cache cache) {
        this.versions = versions;
        this.cache = cache;
    }

    public List<VersionHeader> all() {
        return CachedValues.get(cache, ALL, key -> load());
    }

    /** Every version's header if the cache holds them; empty rather than reading the database. */
    public Optional<List<VersionHeader>> loaded() {
        return CachedValues.ifLoaded(cache, ALL);
    }

    public Optional<VersionHeader> byNumber(int number) {
        List<VersionHeader> headers = all();
        if (number >= 1 && number <= headers.size() && headers.get(number - 1).number() == number) {
            return Optional.of(headers.get(number - 1));
        }
        return Optional.empty();
    }

    public Optional<VersionHeader> latest() {
        List<VersionHeader> headers = all();
        return headers.isEmpty() ? Optional.empty() : Optional.of(headers.get(headers.size() - 1));
    }

    /** The newest version whose effective date has come by {@code moment}. */
    public Optional<VersionHeader> inForceAt(Instant moment) {
        List<VersionHeader> headers = all();
        for (int i = headers.size() - 1; i >= 0; i--) {
            if (headers.get(i).isEffectiveAt(moment)) {
                return Optional.of(headers.get(i));
            }
        }
        return Optional.empty();
    }

    /** Versions published but not yet in force at {@code moment}. */
    public List<VersionHeader> upcomingAt(Instant moment) {
        return all().stream().filter(header -> !header.isWithdrawn() && !header.isEffectiveAt(moment)).toList();
    }

    /** The newest version that was not withdrawn. */
    public Optional<VersionHeader> latestStanding() {
        List<VersionHeader> headers = all();
        for (int i = headers.size() - 1; i >= 0; i--) {
            if (!headers.get(i).isWithdrawn()) {
                return Optional.of(headers.get(i));
            }
        }
        return Optional.empty();
    }

    void onPublished(@Observes(during = TransactionPhase.AFTER_SUCCESS) VersionPublished event) {
        cache.invalidateAll().await().indefinitely();
    }

    void onWithdrawn(@Observes(during = TransactionPhase.AFTER_SUCCESS) VersionWithdrawn event) {
        cache.invalidateAll().await().indefinitely();
    }

    private List<VersionHeader> load() {
        return QuarkusTransaction.joiningExisting().call(() -> {
            var withdrawals = versions.withdrawals();
            return versions.oldestFirst().stream().map(version -> VersionHeader.of(version, withdrawals.get(version.number)))
                    .toList();
        });
    }
}
