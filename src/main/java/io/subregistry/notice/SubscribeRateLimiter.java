package io.subregistry.notice;

import io.subregistry.platform.error.TooManyRequestsException;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most N subscription requests per client address per window, so the form can't be used
 * to flood strangers with confirmation mails. Per instance: with several instances behind a
 * balancer a client gets at most N per instance, which still bounds the abuse.
 */
@ApplicationScoped
public class SubscribeRateLimiter {

    private static final int MAX_TRACKED_CLIENTS = 100_000;

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> recent = new ConcurrentHashMap<>();

    public SubscribeRateLimiter(NoticeConfig config, Clock clock) {
        this.limit = config.subscribeLimit();
        this.window = config.subscribeWindow();
        this.clock = clock;
    }

    public void check(String client) {
        Instant now = Instant.now(clock);
        if (recent.size() > MAX_TRACKED_CLIENTS) {
            recent.clear();
        }
        Deque<Instant> times = recent.computeIfAbsent(client, key -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(window))) {
                times.pollFirst();
            }
            if (times.size() >= limit) {
                long retryAfter = Math.max(1, Duration.between(now, times.peekFirst().plus(window)).toSeconds());
                throw new TooManyRequestsException("too many subscription requests from your address; try again in "
                        + retryAfter + " seconds", retryAfter);
            }
            times.addLast(now);
        }
    }

    /** Forgets every client; for tests that exercise the limit. */
    public void reset() {
        recent.clear();
    }
}
