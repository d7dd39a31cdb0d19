package dev.resilient.backend.resilience;

import java.util.OptionalLong;

/**
 * What the rest of this thread needs to know about the downstream attempt in progress: its time
 * budget, for the {@code X-Request-Timeout-Ms} header the REST clients add, and which downstream
 * and call it was, for the retry decision (and its log line) SmallRye asks {@link BudgetedBackoff}
 * for after it failed.
 *
 * <p>One thread local, and only this class touches it: SmallRye creates the backoff strategy itself
 * and hands it only the failure, and the REST client's request filters get only the request, so
 * neither can be passed the call explicitly. Guarded calls are synchronous, so the attempt, the
 * filters and the backoff all run on the caller's thread. The guard's outer interceptor
 * ({@link BudgetedInterceptor}) clears it when the guarded call ends, retries included.
 */
public final class AttemptContext {

    /**
     * The downstream and the logical call (with its attempt count) of the attempt on this thread,
     * and the attempt's time budget while it runs ({@link Deadlines#NONE} when it has none or is over).
     */
    record Current(Downstream downstream, DownstreamCall<?> call, long budgetMs) {
    }

    private static final ThreadLocal<Current> CURRENT = new ThreadLocal<>();

    private AttemptContext() {
    }

    /** The time budget of the attempt running on this thread, if it has one. */
    public static OptionalLong budgetMs() {
        Current c = CURRENT.get();
        return c == null || c.budgetMs() == Deadlines.NONE ? OptionalLong.empty() : OptionalLong.of(c.budgetMs());
    }

    static void begin(Downstream d, DownstreamCall<?> call, long budgetMs) {
        CURRENT.set(new Current(d, call, budgetMs));
    }

    /** The attempt is over; its downstream and call stay known for the retry decision that may follow. */
    static void endAttempt() {
        Current c = CURRENT.get();
        if (c != null) {
            CURRENT.set(new Current(c.downstream(), c.call(), Deadlines.NONE));
        }
    }

    /** The downstream and call whose attempt failed last on this thread, or null. */
    static Current current() {
        return CURRENT.get();
    }

    /** The guarded call is over, retries included. */
    static void clear() {
        CURRENT.remove();
    }
}
