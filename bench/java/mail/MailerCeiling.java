import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Context;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.StartTLSOptions;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The ceiling of the fan-out through quarkus-mailer: the Vert.x mail client it wraps (the same
 * jar, from the service's own lib/) sending N copies of one real notice, with nothing else in the
 * process: no database, no rendering, no tokens. Configured as the service configures it for
 * bench/fanout.sh (pool = sessions, pipelining, keep-alive, no pool cleaner) and driven as
 * SmtpSender drives it (every send started on one event-loop context, at most {@code sessions}
 * at once). Whatever rate this reaches, no service built on quarkus-mailer can pass.
 *
 * <p>Usage: {@code java -cp … MailerCeiling HOST PORT SESSIONS COUNT MAIL.json}, where MAIL.json
 * holds {from, subject, text, html, headers{}} of a notice as the sink received it
 * (bench/mail-parts.py). Prints one line of {@code key=value} figures.
 */
public final class MailerCeiling {

    public static void main(String[] args) throws Exception {
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        int sessions = Integer.parseInt(args[2]);
        int count = Integer.parseInt(args[3]);
        JsonNode mail = new ObjectMapper().readTree(new File(args[4]));

        Vertx vertx = Vertx.vertx();
        MailConfig config = new MailConfig().setHostname(host).setPort(port).setStarttls(StartTLSOptions.DISABLED)
                .setMaxPoolSize(sessions).setPipelining(true).setKeepAlive(true).setPoolCleanerPeriod(0);
        MailClient client = MailClient.create(vertx, config);
        Context loop = vertx.getOrCreateContext();

        // Warm-up: the first mails pay for class loading and JIT, as in the service's warm-up publish.
        run(loop, client, mail, sessions, args.length > 5 ? Integer.parseInt(args[5]) : Math.min(200, count), "warmup");

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] loopThread = new long[1];
        CountDownLatch found = new CountDownLatch(1);
        loop.runOnContext(v -> {
            loopThread[0] = Thread.currentThread().getId();
            found.countDown();
        });
        found.await();
        long loopCpu0 = threads.getThreadCpuTime(loopThread[0]);
        long cpu0 = processCpuNanos();
        long t0 = System.nanoTime();
        int failures = run(loop, client, mail, sessions, count, "notice-ceiling");
        long wall = System.nanoTime() - t0;
        long cpu = processCpuNanos() - cpu0;
        long loopCpu = threads.getThreadCpuTime(loopThread[0]) - loopCpu0;
        System.out.printf("sent=%d failures=%d seconds=%.3f rate=%.0f cpu_us_per_mail=%.1f loop_cpu_us_per_mail=%.1f loop_busy=%.2f%n",
                count - failures, failures, wall / 1e9, count / (wall / 1e9), cpu / 1e3 / count, loopCpu / 1e3 / count,
                (double) loopCpu / wall);
        client.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** Sends {@code count} copies, at most {@code sessions} at once, all started on {@code loop}; returns the failures. */
    private static int run(Context loop, MailClient client, JsonNode mail, int sessions, int count, String idPrefix)
            throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        AtomicLong done = new AtomicLong();
        CountDownLatch finished = new CountDownLatch(1);
        Runnable[] sendNext = new Runnable[1];
        sendNext[0] = () -> {
            int i = next.getAndIncrement();
            if (i >= count) {
                return;
            }
            client.sendMail(message(mail, i, idPrefix)).onComplete(result -> {
                if (result.failed()) {
                    failures.incrementAndGet();
                }
                if (done.incrementAndGet() == count) {
                    finished.countDown();
                } else {
                    sendNext[0].run();
                }
            });
        };
        loop.runOnContext(v -> {
            for (int s = 0; s < sessions; s++) {
                sendNext[0].run();
            }
        });
        if (!finished.await(30, TimeUnit.MINUTES)) {
            throw new IllegalStateException("not finished in 30 minutes");
        }
        return failures.get();
    }

    private static MailMessage message(JsonNode mail, int i, String idPrefix) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        for (Iterator<Map.Entry<String, JsonNode>> it = mail.get("headers").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> header = it.next();
            headers.add(header.getKey(), header.getValue().asText());
        }
        headers.set("Message-ID", "<" + idPrefix + "-" + i + "@bench.test>");
        return new MailMessage().setFrom(mail.get("from").asText()).setTo("sub" + i + "@bench.test")
                .setSubject(mail.get("subject").asText()).setText(mail.get("text").asText())
                .setHtml(mail.get("html").asText()).setHeaders(headers);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
