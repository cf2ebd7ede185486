package io.subregistry.notice;

import io.subregistry.registry.version.VersionPublished;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Holds a publishing transaction open after its announcements are queued (this observer runs
 * after NoticePlanner's), so a test can make something else happen before the publish commits.
 */
@ApplicationScoped
public class PublishPause {

    private volatile CountDownLatch entered;
    private volatile CountDownLatch release;

    /** The next publish waits in its transaction until {@link #release()}. */
    public void arm() {
        entered = new CountDownLatch(1);
        release = new CountDownLatch(1);
    }

    public boolean awaitPaused() throws InterruptedException {
        return entered.await(60, TimeUnit.SECONDS);
    }

    public void release() {
        CountDownLatch held = release;
        release = null;
        if (held != null) {
            held.countDown();
        }
    }

    void hold(@Observes @Priority(Interceptor.Priority.APPLICATION + 1000) VersionPublished event) throws InterruptedException {
        CountDownLatch held = release;
        if (held != null) {
            entered.countDown();
            held.await(60, TimeUnit.SECONDS);
        }
    }
}
