package io.subregistry.notice.delivery;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.impl.VertxInternal;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One Vert.x context on each event loop, handed out in turn. The mailer opens a pooled SMTP
 * connection on the event loop of the context that asks for it and does all of that
 * connection's work there; starting sends from every event loop in turn spreads the pool's
 * connections, and the encoding and writing of the mails, over all the cores.
 */
@ApplicationScoped
public class EventLoops {

    private final List<Context> contexts = new ArrayList<>();
    private final AtomicInteger turn = new AtomicInteger();

    EventLoops(Vertx vertx) {
        VertxInternal internal = (VertxInternal) vertx;
        // createEventLoopContext() takes the event loops in turn, so one per loop covers them all.
        for (var ignored : internal.getEventLoopGroup()) {
            contexts.add(internal.createEventLoopContext());
        }
    }

    /** An executor that runs its tasks on the next event loop. */
    Executor next() {
        Context context = contexts.get(Math.floorMod(turn.getAndIncrement(), contexts.size()));
        return task -> context.runOnContext(ignored -> task.run());
    }
}
