package io.subregistry.notice.delivery;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;
import io.subregistry.notice.NoticeConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.subregistry.notice.NoticeMetrics;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.impl.VertxInternal;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * Puts notice mails on the wire through quarkus-mailer: at most {@code send-concurrency} at once,
 * each given up after {@code send-timeout}. Two rules keep the mail client's connection pool whole
 * (README, "Delivery and SMTP connections"):
 * <ul>
 * <li><b>Every send starts on one Vert.x event loop.</b> The Vert.x mail client hands a new
 * connection to the send that asked for it through that send's context. Asked from another
 * thread, the hand-over is queued behind the socket's first read, and the server's 220 greeting
 * can come first: the socket drops it (nobody listens yet), the client waits for it forever, the
 * server waits for an EHLO, and the pool has lost a connection until the server gives up. Started
 * on one loop, with the pool cleaner (a timer on another loop) switched off by
 * {@code quarkus.mailer.pool-cleaner-period=0}, every step of the pool runs on that loop and the
 * hand-over happens before the first read.</li>
 * <li><b>The client never holds more sends than it has connections.</b> Giving up on a send does
 * not stop it: the client keeps the connection until the server answers or closes it, and a send
 * still waiting for a free connection would go out whenever one came free, long after its notice
 * was counted as failed, and reach the subscriber twice. So a send that times out frees its place
 * on the wire (the batch goes on) but keeps its connection place until the client is done with
 * it; a pool larger than {@code send-concurrency} leaves room for sessions a server leaves
 * hanging. One case never ends in the client (Vert.x mail 4.5): a connection the server closes
 * before its greeting leaves its send unanswered for good, though the connection is gone; such a
 * place is taken back when the lease runs out, the longest a send can matter.</li>
 * </ul>
 */
@ApplicationScoped
public class SmtpSender {

    private static final Logger LOG = Logger.getLogger(SmtpSender.class);
    /** How often a send waiting for a free place looks whether the instance is stopping. */
    private static final long WAIT_SLICE_MS = 100;

    /** One mail of a notice; not attempted unless it can end (send timeout included) before {@code endBefore}. */
    public record Outgoing(UUID notice, String messageId, Mail mail, Instant endBefore) {
    }

    private final ReactiveMailer mailer;
    private final Clock clock;
    private final NoticeMetrics metrics;
    private final Duration timeout;
    private final Duration lease;
    private final Vertx vertx;
    private final Context loop;
    private final int poolSize;
    /** Sends the mail client holds, until it finishes them: at most one per connection of its pool. */
    private final Semaphore connections;
    /** Sends we wait for, until they end or time out: {@code send-concurrency}. */
    private final Semaphore wire;

    public SmtpSender(ReactiveMailer mailer, Vertx vertx, NoticeConfig config, Clock clock, NoticeMetrics metrics,
                      MeterRegistry registry, @ConfigProperty(name = "quarkus.mailer.max-pool-size") int poolSize) {
        this.mailer = mailer;
        this.clock = clock;
        this.metrics = metrics;
        this.timeout = config.sendTimeout();
        this.lease = config.lease();
        this.vertx = vertx;
        // A root event-loop context of its own: a duplicated one (as Quarkus gives request and job
        // threads) would not be the context the pool hands connections over on.
        this.loop = ((VertxInternal) vertx).createEventLoopContext();
        if (config.sendConcurrency() > poolSize) {
            LOG.warnf("registry.notices.send-concurrency (%d) is above quarkus.mailer.max-pool-size (%d): %d mails go on the wire at once",
                    config.sendConcurrency(), poolSize, poolSize);
        }
        this.poolSize = poolSize;
        this.connections = new Semaphore(poolSize);
        this.wire = new Semaphore(Math.min(config.sendConcurrency(), poolSize));
        Gauge.builder("registry.notice.smtp.open", this, SmtpSender::open)
                .description("Sends handed to the mail client and not finished by it (a hung SMTP session keeps one)")
                .register(registry);
    }

    /** Sends handed to the mail client that it has not finished. */
    public int open() {
        return poolSize - connections.availablePermits();
    }

    /**
     * Sends every mail, or gives it up after the send timeout, and returns one outcome per mail;
     * once {@code stopping} says so, the mails not yet started are released, not sent.
     */
    public List<SendOutcome> send(List<Outgoing> mails, BooleanSupplier stopping) {
        List<CompletableFuture<SendOutcome>> outcomes = new ArrayList<>(mails.size());
        boolean starved = false;
        for (Outgoing mail : mails) {
            if (!await(wire, timeout.plusSeconds(1), stopping)) {
                outcomes.add(CompletableFuture.completedFuture(SendOutcome.released(mail.notice())));
                continue;
            }
            // Once no connection came free within the send timeout, this round waits no more.
            boolean placed = await(connections, starved ? Duration.ZERO : timeout, stopping);
            starved = !placed && !stopping.getAsBoolean();
            CompletableFuture<SendOutcome> outcome = placed ? start(mail)
                    : CompletableFuture.completedFuture(stopping.getAsBoolean() ? SendOutcome.released(mail.notice())
                    : SendOutcome.failed(mail.notice(), new TimeoutException("no SMTP connection came free within " + timeout)));
            outcome.whenComplete((ignored, failure) -> wire.release());
            outcomes.add(outcome);
        }
        return outcomes.stream().map(CompletableFuture::join).toList();
    }

    /** A permit within {@code patience}; false if none came, or the instance is stopping (then none is held). */
    private static boolean await(Semaphore permits, Duration patience, BooleanSupplier stopping) {
        long giveUp = System.nanoTime() + patience.toNanos();
        try {
            do {
                if (stopping.getAsBoolean()) {
                    return false;
                }
                long slice = Math.min(WAIT_SLICE_MS, TimeUnit.NANOSECONDS.toMillis(Math.max(0, giveUp - System.nanoTime())));
                if (permits.tryAcquire(slice, TimeUnit.MILLISECONDS)) {
                    if (stopping.getAsBoolean()) {
                        permits.release();
                        return false;
                    }
                    return true;
                }
            } while (System.nanoTime() < giveUp);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    /** Starts one send on the mail loop; its connection place is given back when the client is done with it, not at the timeout. */
    private CompletableFuture<SendOutcome> start(Outgoing mail) {
        if (!Instant.now(clock).plus(timeout).isBefore(mail.endBefore())) {
            connections.release();
            return CompletableFuture.completedFuture(
                    SendOutcome.failed(mail.notice(), new IllegalStateException("lease ran out before sending")));
        }
        CompletableFuture<SendOutcome> outcome = new CompletableFuture<>();
        AtomicBoolean held = new AtomicBoolean(true);
        long started = System.nanoTime();
        loop.runOnContext(ignored -> {
            long reclaim = vertx.setTimer(lease.toMillis(), timer -> {
                if (held.compareAndSet(true, false)) {
                    connections.release();
                    LOG.warnf("The mail client has not finished the send of %s after %s: its place is taken back", mail.messageId(), lease);
                }
            });
            Uni<Void> sending;
            try {
                sending = mailer.send(mail.mail());
            } catch (RuntimeException refused) {
                // Thrown before any session: without this the send would only end at the timeout.
                giveBack(held, reclaim);
                outcome.complete(SendOutcome.failed(mail.notice(), refused));
                return;
            }
            sending.subscribe().with(
                    sent -> {
                        giveBack(held, reclaim);
                        Duration took = Duration.ofNanos(System.nanoTime() - started);
                        metrics.recordSend(took);
                        if (!outcome.complete(SendOutcome.delivered(mail.notice(), mail.messageId()))) {
                            LOG.warnf("The SMTP server accepted %s after %d ms, past the send timeout: it will be sent again",
                                    mail.messageId(), took.toMillis());
                        }
                    },
                    failure -> {
                        giveBack(held, reclaim);
                        outcome.complete(SendOutcome.failed(mail.notice(), failure));
                    });
        });
        return outcome.completeOnTimeout(SendOutcome.failed(mail.notice(),
                new TimeoutException("no answer from the SMTP server within " + timeout)), timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void giveBack(AtomicBoolean held, long reclaim) {
        vertx.cancelTimer(reclaim);
        if (held.compareAndSet(true, false)) {
            connections.release();
        }
    }
}
