package dev.resilient.backend.resilience;

import java.util.OptionalLong;

/**
 * What the rest of this thread needs to know about the downstream attempt in progress: its time
 * budget, for the {@code X-Request-Timeout-Ms} header the REST clients add, and which downstream
 * and call it was, for the retry decision (and its log line) SmallRye asks {@link BudgetedBackoff}
 * for after it failed. Thread
 * locals because guarded calls are synchronous: the attempt, the REST client's request filters and
 * the backoff all run on the caller's thread, and SmallRye passes them nothing of ours.
 */
public final class AttemptContext {

    /** The downstream and the logical call (with its attempt count) of the attempt on this thread. */
    record Current(Downstream downstream, DownstreamCall<?> call) {
    }

    private static final ThreadLocal<Current> CURRENT = new ThreadLocal<>();
    private static final ThreadLocal<Long> BUDGET_MS = new ThreadLocal<>();

    private AttemptContext() {
    }

    /** The time budget of the attempt running on this thread, if it has one. */
    public static OptionalLong budgetMs() {
        Long ms = BUDGET_MS.get();
        return ms == null ? OptionalLong.empty() : OptionalLong.of(ms);
    }

    static void begin(Downstream d, DownstreamCall<?> call, long budgetMs) {
        CURRENT.set(new Current(d, call));
        if (budgetMs != Deadlines.NONE) {
            BUDGET_MS.set(budgetMs);
        }
    }

    /** The attempt is over; its downstream and call stay known for the retry decision that may follow. */
    static void endAttempt() {
        BUDGET_MS.remove();
    }

    /** The downstream and call whose attempt failed last on this thread, or null. */
    static Current current() {
        return CURRENT.get();
    }

    /** The guarded call is over, retries included. */
    static void clear() {
        CURRENT.remove();
        BUDGET_MS.remove();
    }
}
