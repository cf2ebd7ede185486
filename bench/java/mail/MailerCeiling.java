import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Context;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.StartTLSOptions;

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
 * <p>Usage: {@code java -cp … MailerCeiling HOST PORT SESSIONS COUNT MAIL.json [WARMUP]} ({@link Ceiling}).
 */
public final class MailerCeiling {

    public static void main(String[] args) throws Exception {
        Ceiling ceiling = Ceiling.fromArgs(args);
        Vertx vertx = Vertx.vertx();
        MailConfig config = new MailConfig().setHostname(ceiling.host()).setPort(ceiling.port())
                .setStarttls(StartTLSOptions.DISABLED).setMaxPoolSize(ceiling.sessions()).setPipelining(true)
                .setKeepAlive(true).setPoolCleanerPeriod(0);
        MailClient client = MailClient.create(vertx, config);
        Context loop = vertx.getOrCreateContext();

        // The event loop's own CPU time, beside the process's.
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] loopThread = new long[1];
        CountDownLatch found = new CountDownLatch(1);
        loop.runOnContext(v -> {
            loopThread[0] = Thread.currentThread().getId();
            found.countDown();
        });
        found.await();
        long[] loopCpu0 = new long[1];
        ceiling.measure((count, idPrefix) -> {
            loopCpu0[0] = threads.getThreadCpuTime(loopThread[0]);
            return run(loop, client, ceiling.mail(), ceiling.sessions(), count, idPrefix);
        }, "notice-ceiling", wall -> {
            long loopCpu = threads.getThreadCpuTime(loopThread[0]) - loopCpu0[0];
            return String.format(" loop_cpu_us_per_mail=%.1f loop_busy=%.2f", loopCpu / 1e3 / ceiling.count(), (double) loopCpu / wall);
        });
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

}
