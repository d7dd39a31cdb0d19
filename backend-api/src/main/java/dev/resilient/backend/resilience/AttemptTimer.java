package dev.resilient.backend.resilience;

import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;

/**
 * Bounds one blocking attempt by the request's remaining budget, the way SmallRye's synchronous
 * {@code @Timeout} bounds it by the policy: by interrupting the calling thread when the time is up.
 * Our own because {@code @Timeout}'s value is fixed per method, while the budget left differs on
 * every call; {@code @Timeout} still applies the policy value on top.
 */
@ApplicationScoped
public class AttemptTimer {

    private final Vertx vertx;

    AttemptTimer(Vertx vertx) {
        this.vertx = vertx;
    }

    /**
     * Runs {@code action}, interrupting it after {@code limitMs}.
     *
     * @throws DeadlineExceededException when the limit cut the attempt short
     */
    <T> T run(long limitMs, Supplier<T> action) {
        Cut cut = new Cut(Thread.currentThread());
        long timer = vertx.setTimer(Math.max(1, limitMs), id -> cut.fire());
        try {
            return action.get();
        } catch (RuntimeException e) {
            if (cut.fired()) {
                throw new DeadlineExceededException(limitMs, e);
            }
            throw e;
        } finally {
            vertx.cancelTimer(timer);
            if (cut.finish()) {
                Thread.interrupted(); // our interrupt must not reach the next thing this thread does
            }
        }
    }

    /** The interrupt, made only while the attempt still runs (never after it has finished). */
    private static final class Cut {
        private final Thread thread;
        private boolean fired;
        private boolean finished;

        Cut(Thread thread) {
            this.thread = thread;
        }

        synchronized void fire() {
            if (!finished) {
                fired = true;
                thread.interrupt();
            }
        }

        synchronized boolean fired() {
            return fired;
        }

        /** @return whether the interrupt was made */
        synchronized boolean finish() {
            finished = true;
            return fired;
        }
    }
}
