import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;

/**
 * What the three mail-client-alone programs share: their arguments
 * ({@code HOST PORT SESSIONS COUNT MAIL.json [WARMUP]}, MAIL.json as bench/mail-parts.py writes it),
 * the process's CPU time, and the one line of {@code key=value} figures that bench/fanout.sh reads.
 */
record Ceiling(String host, int port, int sessions, int count, int warmup, JsonNode mail) {

    /** One run of {@code count} mails: how many failed. */
    interface Run {
        int send(int count, String idPrefix) throws Exception;
    }

    static Ceiling fromArgs(String[] args) throws IOException {
        int count = Integer.parseInt(args[3]);
        return new Ceiling(args[0], Integer.parseInt(args[1]), Integer.parseInt(args[2]), count,
                args.length > 5 ? Integer.parseInt(args[5]) : Math.min(200, count), new ObjectMapper().readTree(new File(args[4])));
    }

    /**
     * An unmeasured warm-up (class loading, JIT: as the service's warm-up publish), then the
     * measured run; prints its figures followed by {@code extra}.
     */
    void measure(Run run, String idPrefix, java.util.function.LongFunction<String> extra) throws Exception {
        run.send(warmup, "warmup");
        long cpu0 = processCpuNanos();
        long t0 = System.nanoTime();
        int failures = run.send(count, idPrefix);
        long wall = System.nanoTime() - t0;
        long cpu = processCpuNanos() - cpu0;
        System.out.printf("sent=%d failures=%d seconds=%.3f rate=%.0f cpu_us_per_mail=%.1f%s%n",
                count - failures, failures, wall / 1e9, count / (wall / 1e9), cpu / 1e3 / count, extra.apply(wall));
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
