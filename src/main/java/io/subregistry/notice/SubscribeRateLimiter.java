package io.subregistry.notice;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.subregistry.platform.error.TooManyRequestsException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

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

    private final EntityManager entityManager;
    private final TokenService tokens;
    private final int limit;
    private final Duration window;
    private final Clock clock;

    public SubscribeRateLimiter(EntityManager entityManager, TokenService tokens, NoticeConfig config, Clock clock) {
        this.entityManager = entityManager;
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
        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager.createNativeQuery("""
                        insert into subscribe_limit as l (client_key, window_start, requests) values (?1, ?2, 1)
                        on conflict (client_key) do update
                           set window_start = case when l.window_start <= ?3 then excluded.window_start else l.window_start end,
                               requests = case when l.window_start <= ?3 then 1 else least(l.requests, ?4) + 1 end
                        returning l.requests, cast(extract(epoch from l.window_start) * 1000 as bigint)""")
                .setParameter(1, key).setParameter(2, now).setParameter(3, now.minus(window)).setParameter(4, limit)
                .getSingleResult());
        int requests = ((Number) row[0]).intValue();
        if (requests > limit) {
            Instant windowEnds = Instant.ofEpochMilli(((Number) row[1]).longValue()).plus(window);
            long retryAfter = Math.max(1, (Duration.between(now, windowEnds).toMillis() + 999) / 1000);
            throw new TooManyRequestsException("too many subscription requests from your address; try again in "
                    + retryAfter + " seconds", retryAfter);
        }
    }

    @Scheduled(identity = "subscribe-limit-cleanup", every = "${registry.notices.subscribe-window:10m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void cleanUp() {
        forgetEndedWindows();
    }

    /** Deletes the rows of windows that have ended (they would only be started over); returns how many. */
    public int forgetEndedWindows() {
        Instant ended = Instant.now(clock).minus(window);
        return QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("delete from subscribe_limit where window_start <= ?1")
                .setParameter(1, ended).executeUpdate());
    }

    /** Forgets every client; for tests that exercise the limit. */
    public void reset() {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("delete from subscribe_limit")
                .executeUpdate());
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
