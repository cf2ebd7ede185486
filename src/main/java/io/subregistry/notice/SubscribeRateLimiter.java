package io.subregistry.notice;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.subregistry.platform.database.Sql;
import io.subregistry.platform.error.TooManyRequestsException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * At most {@code subscribe-limit} subscription requests per client per {@code subscribe-window},
 * so the form can't be used to flood strangers with confirmation mails. Counted in the database
 * with one atomic upsert per request, so that all instances count together and no number of
 * other clients can reset anyone's count; a client is known only by a keyed hash of its address
 * (see {@link io.subregistry.notice.rest.ClientAddress} for which address that is). A window
 * starts with a client's first request and lasts {@code subscribe-window}.
 */
@ApplicationScoped
public class SubscribeRateLimiter {

    private static final Logger LOG = Logger.getLogger(SubscribeRateLimiter.class);

    /** A client's count in its current window. */
    private record Window(int requests, Instant start) {
    }

    private final Sql sql;
    private final TokenService tokens;
    private final int limit;
    private final Duration window;
    private final Clock clock;

    public SubscribeRateLimiter(Sql sql, TokenService tokens, NoticeConfig config, Clock clock) {
        this.sql = sql;
        this.tokens = tokens;
        this.limit = config.subscribeLimit();
        this.window = config.subscribeWindow();
        this.clock = clock;
    }

    /**
     * Counts one request of {@code client}, or refuses it when the client's window is full. The
     * count commits on its own: a request that fails later still counted.
     */
    public void check(String client) {
        Instant now = Instant.now(clock);
        String key = tokens.pseudonym("subscribe-client", client);
        Window counted = QuarkusTransaction.requiringNew().call(() -> sql.list("count a subscription request", """
                insert into subscribe_limit as l (client_key, window_start, requests) values (?, ?, 1)
                on conflict (client_key) do update
                   set window_start = case when l.window_start <= ? then excluded.window_start else l.window_start end,
                       requests = case when l.window_start <= ? then 1 else least(l.requests, ?) + 1 end
                returning l.requests, l.window_start""", upsert -> {
            upsert.setString(1, key);
            upsert.setTimestamp(2, Timestamp.from(now));
            upsert.setTimestamp(3, Timestamp.from(now.minus(window)));
            upsert.setTimestamp(4, Timestamp.from(now.minus(window)));
            upsert.setInt(5, limit);
        }, row -> new Window(row.getInt(1), row.getTimestamp(2).toInstant())).get(0));
        if (counted.requests() > limit) {
            Instant windowEnds = counted.start().plus(window);
            long retryAfter = Math.max(1, (Duration.between(now, windowEnds).toMillis() + 999) / 1000);
            throw new TooManyRequestsException("too many subscription requests from your address; try again in "
                    + retryAfter + " seconds", retryAfter);
        }
    }

    @Scheduled(identity = "subscribe-limit-cleanup", every = "${registry.notices.subscribe-window}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void cleanUp() {
        forgetEndedWindows();
    }

    /** Deletes the rows of windows that have ended (they would only be started over); returns how many. */
    public int forgetEndedWindows() {
        Instant ended = Instant.now(clock).minus(window);
        return QuarkusTransaction.requiringNew().call(() -> sql.update("forget ended windows",
                "delete from subscribe_limit where window_start <= ?", delete -> delete.setTimestamp(1, Timestamp.from(ended))));
    }

    /** Forgets every client; for tests that exercise the limit. */
    public void reset() {
        QuarkusTransaction.requiringNew().run(() -> sql.update("forget every client", "delete from subscribe_limit",
                Sql.NO_PARAMETERS));
    }

    /**
     * Behind a proxy the service takes the client's address from X-Forwarded-For; if it believes
     * any sender of that header, every client can choose its own address and the limit is void.
     */
    void warnOfUntrustedForwarding(@Observes StartupEvent event) {
        var config = ConfigProvider.getConfig();
        boolean forwarding = config.getOptionalValue("quarkus.http.proxy.proxy-address-forwarding", Boolean.class)
                .orElse(false);
        List<String> trusted = config.getOptionalValues("quarkus.http.proxy.trusted-proxies", String.class).orElse(List.of());
        if (forwarding && trusted.isEmpty()) {
            LOG.warn("quarkus.http.proxy.proxy-address-forwarding is on but quarkus.http.proxy.trusted-proxies is not set:"
                    + " any client can choose the address the subscription rate limit counts by. Name your proxies.");
        }
    }
}
