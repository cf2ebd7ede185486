package io.subregistry.registry.version;

import io.subregistry.diff.Change;
import io.subregistry.diff.SnapshotDiff;
import io.subregistry.registry.Snapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Recomputes every version's hash from what the database holds now (not from any cache) and
 * checks each link, and that the stored change events are still what the snapshots imply.
 */
@ApplicationScoped
public class ChainVerifier {

    private final VersionRepository versions;
    private final ChangeEventRepository changes;
    private final Instance<VersionCheck> checks;
    private final Clock clock;

    public ChainVerifier(VersionRepository versions, ChangeEventRepository changes, Instance<VersionCheck> checks,
                         Clock clock) {
        this.versions = versions;
        this.changes = changes;
        this.checks = checks;
        this.clock = clock;
    }

    /** The outcome: valid, or the first version whose link is broken and why. */
    public record Report(boolean valid, int versionsChecked, Instant checkedAt, String latestHash, Broken firstBroken) {
    }

    public record Broken(int version, String reason) {
    }

    @Transactional
    public Report verify() {
        List<Version> all = versions.oldestFirst();
        Map<Integer, VersionHeader.Withdrawal> withdrawals = versions.withdrawals();
        // Change events are relative to the newest version that was not withdrawn.
        Snapshot previous = Snapshot.EMPTY;
        String previousHash = null;
        int expectedNumber = 1;
        for (Version version : all) {
            Broken broken = null;
            Snapshot snapshot = versions.snapshotOf(version.number);
            String recomputed = HashChain.hash(previousHash, new VersionContent(version.number, version.publishedAt,
                    version.effectiveAt, version.summary, version.publisher, version.emergencyReason,
                    version.noticePeriodDays, snapshot));
            if (version.number != expectedNumber) {
                broken = new Broken(version.number, "expected version " + expectedNumber + " here; a version is missing");
            } else if (!Objects.equals(version.previousHash, previousHash)) {
                broken = new Broken(version.number, "its previous hash " + version.previousHash
                        + " is not the hash of version " + (version.number - 1) + " (" + previousHash + ")");
            } else if (!recomputed.equals(version.hash)) {
                broken = new Broken(version.number, "its content does not match its hash: stored " + version.hash
                        + ", recomputed " + recomputed);
            } else if (version.entryCount != snapshot.size()) {
                broken = new Broken(version.number, "it records " + version.entryCount + " entries but holds " + snapshot.size());
            } else if (!storedChangesMatch(version.number, previous, snapshot)) {
                broken = new Broken(version.number, "its recorded change events differ from the changes between its snapshot"
                        + " and the previous one");
            } else if (withdrawals.containsKey(version.number)
                    && !withdrawnInTime(version, withdrawals.get(version.number), all)) {
                broken = new Broken(version.number, "it is recorded as withdrawn after it took effect or after a newer"
                        + " version was published");
            } else {
                broken = checks.stream().map(check -> check.problemWith(version)).flatMap(java.util.Optional::stream)
                        .findFirst().map(problem -> new Broken(version.number, problem)).orElse(null);
            }
            if (broken != null) {
                return new Report(false, expectedNumber, Instant.now(clock), null, broken);
            }
            if (!withdrawals.containsKey(version.number)) {
                previous = snapshot;
            }
            previousHash = version.hash;
            expectedNumber++;
        }
        return new Report(true, all.size(), Instant.now(clock), previousHash, null);
    }

    /** A withdrawal happens while its version is upcoming and still the newest. */
    private static boolean withdrawnInTime(Version version, VersionHeader.Withdrawal withdrawal, List<Version> all) {
        boolean beforeEffect = withdrawal.at().isBefore(version.effectiveAt);
        boolean beforeNext = all.stream().filter(v -> v.number == version.number + 1)
                .allMatch(next -> !next.publishedAt.isBefore(withdrawal.at()));
        return beforeEffect && beforeNext;
    }

    private boolean storedChangesMatch(int number, Snapshot previous, Snapshot snapshot) {
        List<Change> expected = SnapshotDiff.between(previous, snapshot).changes();
        List<Change> stored = changes.ofVersion(number).stream().map(RecordedChange::change).toList();
        return expected.equals(stored);
    }
}
