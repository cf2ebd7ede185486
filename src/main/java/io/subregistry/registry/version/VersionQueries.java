package io.subregistry.registry.version;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.subregistry.diff.ChangeType;
import io.subregistry.diff.Diff;
import io.subregistry.diff.SnapshotDiff;
import io.subregistry.platform.CachedValues;
import io.subregistry.platform.error.ResourceNotFoundException;
import io.subregistry.registry.Snapshot;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads of published versions for the public API, pages and feeds. */
@ApplicationScoped
public class VersionQueries {

    /** A version's change counts never change once it is published. */
    public static final String COUNTS_CACHE = "change-counts";

    private final VersionTimeline timeline;
    private final SnapshotCache snapshots;
    private final ChangeEventRepository changes;
    private final Clock clock;
    private final Cache counts;
    private volatile Moment moment;

    public VersionQueries(VersionTimeline timeline, SnapshotCache snapshots, ChangeEventRepository changes, Clock clock,
                          @CacheName(COUNTS_CACHE) Cache counts) {
        this.timeline = timeline;
        this.snapshots = snapshots;
        this.changes = changes;
        this.clock = clock;
        this.counts = counts;
    }

    public Instant now() {
        return Instant.now(clock);
    }

    public List<VersionHeader> all() {
        return timeline.all();
    }

    /** The version published last, whether or not it is in force yet. */
    public Optional<VersionHeader> latest() {
        return timeline.latest();
    }

    /** The newest version that was not withdrawn: what the draft is compared with. */
    public Optional<VersionHeader> latestStanding() {
        return timeline.latestStanding();
    }

    /** The version a version's changes are relative to: the newest one before it that was not withdrawn. */
    public Optional<VersionHeader> standingBefore(int number) {
        List<VersionHeader> headers = timeline.all();
        for (int i = Math.min(number - 1, headers.size()) - 1; i >= 0; i--) {
            if (!headers.get(i).isWithdrawn()) {
                return Optional.of(headers.get(i));
            }
        }
        return Optional.empty();
    }

    public VersionHeader require(int number) {
        return timeline.byNumber(number).orElseThrow(() -> new ResourceNotFoundException(
                timeline.latest().map(latest -> "there is no version " + number + "; versions run from 1 to " + latest.number())
                        .orElse("there is no version " + number + "; nothing has been published yet")));
    }

    public Optional<VersionHeader> inForceAt(Instant moment) {
        return timeline.inForceAt(moment);
    }

    public Optional<VersionHeader> current() {
        return timeline.inForceAt(now());
    }

    public List<VersionHeader> upcoming() {
        return timeline.upcomingAt(now());
    }

    /**
     * What is in force and what is upcoming, as of now. The answer stays the same until the
     * timeline changes (a publish, or the cache's refresh: a new list) or the next effective date
     * comes, so it is computed once for that span and the same object is returned: callers can key
     * prepared bytes on its identity.
     */
    public Moment moment() {
        return momentOf(timeline.all());
    }

    /** As {@link #moment()}, without reading the database: empty if the timeline is not in the cache. */
    public Optional<Moment> momentIfLoaded() {
        return timeline.loaded().map(this::momentOf);
    }

    private Moment momentOf(List<VersionHeader> headers) {
        Instant now = now();
        Moment known = moment;
        if (known != null && known.timeline() == headers && !now.isBefore(known.from()) && now.isBefore(known.until())) {
            return known;
        }
        Optional<VersionHeader> current = Optional.empty();
        List<VersionHeader> upcoming = new ArrayList<>();
        for (VersionHeader header : headers) {
            if (header.isEffectiveAt(now)) {
                current = Optional.of(header);
            } else {
                upcoming.add(header);
            }
        }
        Instant from = current.map(VersionHeader::effectiveAt).orElse(Instant.MIN);
        Instant until = upcoming.stream().map(VersionHeader::effectiveAt).min(Instant::compareTo).orElse(Instant.MAX);
        Moment fresh = new Moment(headers, from, until, current, List.copyOf(upcoming));
        moment = fresh;
        return fresh;
    }

    /** The versions in force and upcoming between {@code from} and {@code until}, for the timeline {@code timeline}. */
    public record Moment(List<VersionHeader> timeline, Instant from, Instant until, Optional<VersionHeader> current,
                         List<VersionHeader> upcoming) {
    }

    public VersionStatus status(VersionHeader header) {
        Instant now = now();
        if (header.isWithdrawn()) {
            return VersionStatus.WITHDRAWN;
        }
        if (!header.isEffectiveAt(now)) {
            return VersionStatus.UPCOMING;
        }
        return inForceAt(now).filter(current -> current.number() == header.number()).isPresent()
                ? VersionStatus.CURRENT : VersionStatus.SUPERSEDED;
    }

    public Snapshot snapshot(int number) {
        return snapshots.of(require(number).number());
    }

    public List<RecordedChange> changesOf(int number) {
        return changes.ofVersion(require(number).number());
    }

    /** How many changes of each type a published version made (every type, zeros included). */
    public Map<ChangeType, Integer> counts(int number) {
        return CachedValues.get(counts, number, version -> withZeros(changes.countsOf(version)));
    }

    /** Any two versions, in either direction. */
    public Diff diff(int from, int to) {
        Snapshot before = snapshot(from);
        Snapshot after = snapshot(to);
        return SnapshotDiff.between(before, after);
    }

    /** The newest change events first, for feeds. */
    public List<RecordedChange> newestChanges(int limit) {
        return changes.newest(limit);
    }

    public List<RecordedChange> changesSince(Instant since, long after, int limit) {
        return changes.publishedSince(since, after, limit);
    }

    private static Map<ChangeType, Integer> withZeros(Map<ChangeType, Integer> counts) {
        Map<ChangeType, Integer> all = new EnumMap<>(ChangeType.class);
        for (ChangeType type : ChangeType.values()) {
            all.put(type, counts.getOrDefault(type, 0));
        }
        return Collections.unmodifiableMap(all);
    }
}
