package io.subregistry.registry.version;

import io.subregistry.platform.RegistryConfig;
import io.subregistry.platform.ResettableCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Every version's header, oldest first, held in memory so public reads need no query. This
 * instance's publishes refresh it at once; versions published by other instances appear
 * within {@code registry.list-refresh}.
 */
@ApplicationScoped
public class VersionTimeline implements ResettableCache {

    private final VersionRepository versions;
    private final Clock clock;
    private final Duration refresh;

    private volatile Loaded loaded;

    private record Loaded(List<VersionHeader> headers, Instant at) {
    }

    public VersionTimeline(VersionRepository versions, RegistryConfig config, Clock clock) {
        this.versions = versions;
        this.refresh = config.listRefresh();
        this.clock = clock;
    }

    public List<VersionHeader> all() {
        return current().headers();
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
        return all().stream().filter(header -> !header.isEffectiveAt(moment)).toList();
    }

    void onPublished(@Observes(during = TransactionPhase.AFTER_SUCCESS) VersionPublished event) {
        invalidate();
    }

    public void invalidate() {
        loaded = null;
    }

    @Override
    public void clear() {
        invalidate();
    }

    private Loaded current() {
        Loaded snapshot = loaded;
        Instant now = Instant.now(clock);
        if (snapshot != null && snapshot.at().plus(refresh).isAfter(now) && !snapshot.at().isAfter(now)) {
            return snapshot;
        }
        synchronized (this) {
            snapshot = loaded;
            if (snapshot == null || !snapshot.at().plus(refresh).isAfter(now) || snapshot.at().isAfter(now)) {
                snapshot = new Loaded(load(), now);
                loaded = snapshot;
            }
            return snapshot;
        }
    }

    @Transactional
    List<VersionHeader> load() {
        return versions.oldestFirst().stream().map(VersionHeader::of).toList();
    }
}
