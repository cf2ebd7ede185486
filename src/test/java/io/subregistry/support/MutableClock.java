package io.subregistry.support;

import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The clock tests move: the service's only "now", replacing the system clock in every @QuarkusTest. */
@Singleton
public class MutableClock extends Clock {

    /** A fixed "today" after the sample list's version 2 took effect (2026-02-02). */
    public static final Instant START = Instant.parse("2026-03-02T10:00:00Z");

    private volatile Instant now = START;

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }

    @Override
    public Instant instant() {
        return now;
    }

    public void set(Instant instant) {
        now = instant;
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }
}
