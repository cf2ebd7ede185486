import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.subregistry.diff.ChangeType;
import io.subregistry.diff.Diff;
import io.subregistry.diff.JsonPatchGenerator;
import io.subregistry.diff.SnapshotDiff;
import io.subregistry.registry.Section;
import io.subregistry.registry.Snapshot;
import io.subregistry.registry.Subprocessor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Times {@link SnapshotDiff#between} and {@link JsonPatchGenerator#diff} on two versions of
 * N sub-processors, 10% of which changed (see {@link Workload} for the mix).
 *
 * <p>Plain System.nanoTime in one JVM: per N and operation a time-based warm-up, then at least
 * {@code runs} timed runs, the whole case bounded by {@code budget.seconds}. Prints median, p90,
 * min, max and the growth ratios of the medians.
 *
 * <p>System properties: sizes (1000,10000,100000), runs (30: the minimum of timed runs),
 * runs.max (2000), measure.seconds (2: keep timing beyond `runs` while this lasts), sections (6),
 * fraction (0.10), renames (true), seed (42), warmup.min (5), warmup.max (100000),
 * warmup.seconds (3), budget.seconds (600 per case), ops (diff,baseline,patch,tree).
 */
public final class DiffBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static long sink;

    record Stats(String op, int n, int runs, double median, double p90, double min, double max, String note) {
    }

    public static void main(String[] args) {
        int[] sizes = Arrays.stream(System.getProperty("sizes", "1000,10000,100000").split(","))
                .mapToInt(s -> Integer.parseInt(s.strip())).toArray();
        int runs = Integer.getInteger("runs", 30);
        int sectionCount = Integer.getInteger("sections", 6);
        double fraction = Double.parseDouble(System.getProperty("fraction", "0.10"));
        boolean renames = Boolean.parseBoolean(System.getProperty("renames", "true"));
        long seed = Long.getLong("seed", 42L);
        List<String> ops = List.of(System.getProperty("ops", "diff,baseline,patch,tree").split(","));

        System.out.printf(Locale.ROOT, "# DiffBench: runs=%d fraction=%.2f sections=%d renames=%s seed=%d%n",
                runs, fraction, sectionCount, renames, seed);
        System.out.printf(Locale.ROOT, "# java %s, %s, %d processors, max heap %d MiB%n",
                System.getProperty("java.version"), System.getProperty("java.vm.name"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);

        List<Stats> results = new ArrayList<>();
        for (int n : sizes) {
            Workload workload = new Workload(seed + n, sectionCount);
            List<Workload.Entry> before = workload.initial(n);
            Workload.Round round = workload.change(before, fraction, renames);
            Snapshot from = snapshot(before, sectionCount);
            // The service compares a version read from the database with the draft read from the database:
            // equal values are distinct String instances, so every unchanged field costs a content compare.
            Snapshot to = snapshot(round.entries().stream().map(DiffBench::copy).toList(), sectionCount);
            JsonNode fromTree = JSON.valueToTree(from);
            JsonNode toTree = JSON.valueToTree(to);

            Diff diff = SnapshotDiff.between(from, to);
            ArrayNode patch = JsonPatchGenerator.diff(fromTree, toTree);
            System.out.printf(Locale.ROOT, "%n## N=%d -> %d entries; workload %s%n", n, to.size(), round.counts());
            System.out.printf(Locale.ROOT, "   SnapshotDiff changes: %s%n", nonZero(diff.counts()));
            System.out.printf(Locale.ROOT, "   JSON Patch operations: %d %s%n", patch.size(), patchOps(patch));
            if (n <= Integer.getInteger("verify.max", 10_000)) {
                System.out.printf(Locale.ROOT, "   JSON Patch applied with Parsson turns 'from' into 'to': %s%n",
                        patchApplies(fromTree, toTree, patch));
            }

            if (ops.contains("diff")) {
                results.add(measure("SnapshotDiff.between", n, runs, () -> SnapshotDiff.between(from, to).changes().size()));
            }
            if (ops.contains("patch")) {
                results.add(measure("JsonPatchGenerator.diff", n, runs, () -> JsonPatchGenerator.diff(fromTree, toTree).size()));
            }
            if (ops.contains("baseline")) {
                // Not the service's code: the least any id-matching diff must do with these objects (index
                // one side by id, look every entry of the other side up, compare one field). Its growth
                // from one N to the next shows what the memory hierarchy and GC alone cost here.
                results.add(measure("baseline hash join (info)", n, runs, () -> baseline(from, to)));
            }
            if (ops.contains("tree")) {
                // What GET /api/v1/diff with Accept: application/json-patch+json does besides the patch itself.
                results.add(measure("valueToTree x2 (info)", n, runs,
                        () -> JSON.valueToTree(from).size() + JSON.valueToTree(to).size()));
            }
            System.gc();
        }

        System.out.printf(Locale.ROOT, "%n%-26s %8s %5s %11s %11s %11s %11s%n", "operation", "N", "runs", "median_ms",
                "p90_ms", "min_ms", "max_ms");
        for (Stats s : results) {
            System.out.printf(Locale.ROOT, "%-26s %8d %5d %11.3f %11.3f %11.3f %11.3f %s%n", s.op, s.n, s.runs, s.median,
                    s.p90, s.min, s.max, s.note);
        }
        System.out.println();
        Map<String, Map<Integer, Stats>> byOp = new LinkedHashMap<>();
        results.forEach(s -> byOp.computeIfAbsent(s.op, k -> new TreeMap<>()).put(s.n, s));
        byOp.forEach((op, byN) -> {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "ratio of medians %-26s", op));
            Integer previous = null;
            for (int n : byN.keySet()) {
                if (previous != null) {
                    line.append(String.format(Locale.ROOT, "  %s/%s = %.1f", label(n), label(previous),
                            byN.get(n).median / byN.get(previous).median));
                }
                previous = n;
            }
            System.out.println(line);
        });
        System.out.println("(linear growth gives ratios of about 10; sink " + (sink & 1) + ")");
    }

    private static Stats measure(String op, int n, int runs, Supplier<Integer> body) {
        long warmNanos = (long) (Double.parseDouble(System.getProperty("warmup.seconds", "3")) * 1e9);
        int warmMin = Integer.getInteger("warmup.min", 5);
        int warmMax = Integer.getInteger("warmup.max", 100_000);
        long extraNanos = (long) (Double.parseDouble(System.getProperty("measure.seconds", "2")) * 1e9);
        int runsMax = Math.max(runs, Integer.getInteger("runs.max", 2_000));
        long budgetNanos = (long) (Double.parseDouble(System.getProperty("budget.seconds", "600")) * 1e9);

        // Warm-up: until both warmup.min runs and warmup.seconds are done (the JIT needs thousands of
        // calls for the small sizes), but never more than a quarter of the time budget.
        long start = System.nanoTime();
        int warm = 0;
        while (warm < warmMax) {
            long elapsed = System.nanoTime() - start;
            if ((warm >= warmMin && elapsed >= warmNanos) || (warm >= 2 && elapsed > budgetNanos / 4)) {
                break;
            }
            sink += body.get();
            warm++;
        }
        // Timed runs: at least `runs`, more (up to runs.max) while measure.seconds last; the whole
        // case stops at budget.seconds even if fewer than `runs` were done (then it says so).
        long measureStart = System.nanoTime();
        double[] times = new double[runsMax];
        int done = 0;
        while (done < runsMax) {
            long elapsed = System.nanoTime() - measureStart;
            if (done >= runs && elapsed >= extraNanos) {
                break;
            }
            if (done >= 3 && elapsed >= budgetNanos) {
                break;
            }
            long t0 = System.nanoTime();
            sink += body.get();
            times[done++] = (System.nanoTime() - t0) / 1e6;
        }
        double[] sorted = Arrays.copyOf(times, done);
        Arrays.sort(sorted);
        String note = done < runs ? "(time budget reached after " + done + " runs)" : "";
        Stats stats = new Stats(op, n, done, median(sorted), percentile(sorted, 0.90), sorted[0], sorted[done - 1],
                note + " warm-up " + warm + " runs");
        System.out.printf(Locale.ROOT, "   %-26s N=%-7d median %9.3f ms  p90 %9.3f ms  (%d runs, %d warm-up)%n",
                op, n, stats.median, stats.p90, done, warm);
        return stats;
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** Nearest rank. */
    private static double percentile(double[] sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static Snapshot snapshot(List<Workload.Entry> entries, int sectionCount) {
        Map<String, List<Subprocessor>> bySection = new LinkedHashMap<>();
        for (int i = 0; i < Math.min(sectionCount, Workload.SECTIONS.length); i++) {
            bySection.put(Workload.SECTIONS[i][0], new ArrayList<>());
        }
        for (Workload.Entry e : entries) {
            bySection.get(e.section()).add(new Subprocessor(e.id(), e.name(), e.legalAddress(), e.location(),
                    e.processingActivity(), e.website(), e.dataCategories(), e.transferMechanism(), e.dpaUrl()));
        }
        List<Section> sections = new ArrayList<>();
        for (String[] section : Workload.SECTIONS) {
            if (bySection.containsKey(section[0])) {
                sections.add(new Section(section[0], section[1], "Sub-processors for " + section[1].toLowerCase(Locale.ROOT),
                        null, bySection.get(section[0])));
            }
        }
        return new Snapshot(sections);
    }

    private static int baseline(Snapshot from, Snapshot to) {
        Map<java.util.UUID, Subprocessor> before = new java.util.HashMap<>(from.size() * 2);
        for (Section section : from.sections()) {
            for (Subprocessor entry : section.subprocessors()) {
                before.put(entry.id(), entry);
            }
        }
        int differ = 0;
        for (Section section : to.sections()) {
            for (Subprocessor entry : section.subprocessors()) {
                Subprocessor old = before.get(entry.id());
                if (old == null || !old.processingActivity().equals(entry.processingActivity())) {
                    differ++;
                }
            }
        }
        return differ;
    }

    /** Sanity check with the standard JSON-P implementation (Parsson, a test dependency of the service). */
    private static String patchApplies(JsonNode from, JsonNode to, ArrayNode patch) {
        try {
            jakarta.json.JsonStructure source = jakarta.json.Json.createReader(new java.io.StringReader(from.toString())).read();
            jakarta.json.JsonStructure target = jakarta.json.Json.createReader(new java.io.StringReader(to.toString())).read();
            jakarta.json.JsonArray operations = jakarta.json.Json.createReader(new java.io.StringReader(patch.toString())).readArray();
            return Boolean.toString(jakarta.json.Json.createPatch(operations).apply(source).equals(target));
        } catch (RuntimeException | LinkageError e) {
            return "not checked (" + e + ")";
        }
    }

    private static Workload.Entry copy(Workload.Entry e) {
        return new Workload.Entry(java.util.UUID.fromString(e.id().toString()), e.section(), copy(e.name()),
                copy(e.legalAddress()), copy(e.location()), copy(e.processingActivity()), copy(e.website()),
                copy(e.dataCategories()), copy(e.transferMechanism()), copy(e.dpaUrl()));
    }

    @SuppressWarnings("StringOperationCanBeSimplified")
    private static String copy(String value) {
        return value == null ? null : new String(value.toCharArray());
    }

    private static Map<ChangeType, Integer> nonZero(Map<ChangeType, Integer> counts) {
        Map<ChangeType, Integer> result = new LinkedHashMap<>();
        counts.forEach((type, count) -> {
            if (count > 0) {
                result.put(type, count);
            }
        });
        return result;
    }

    private static Map<String, Integer> patchOps(ArrayNode patch) {
        Map<String, Integer> counts = new TreeMap<>();
        patch.forEach(op -> counts.merge(op.get("op").asText(), 1, Integer::sum));
        return counts;
    }

    private static String label(int n) {
        return n % 1000 == 0 ? (n / 1000) + "k" : Integer.toString(n);
    }
}
