package dev.resilient.backend.resilience;

import dev.resilient.backend.config.BudgetConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * The deadline arithmetic of {@code backend.budgets.deadline.*} on the one clock ({@link TimeSource}).
 * Stateless: every method takes the {@link Caller} whose deadline it reads and returns a new one
 * where it narrows, so a service narrows only what it passes on. With budgets off every caller
 * has {@link Deadline#NONE}.
 */
@ApplicationScoped
public class Deadlines {

    /** Returned by {@link #remainingMs} when no deadline applies. */
    public static final long NONE = Deadline.UNLIMITED_MS;

    private final BudgetConfig config;
    private final TimeSource clock;

    Deadlines(BudgetConfig config, TimeSource clock) {
        this.config = config;
        this.clock = clock;
    }

    /** The deadline of a user request arriving now with {@code budget}; none with budgets off. */
    public Deadline startingNow(Duration budget) {
        return config.enabled() ? Deadline.in(clock.nanoTime(), budget.toMillis()) : Deadline.NONE;
    }

    /** Milliseconds left to the caller's deadline (negative once passed), or {@link #NONE}. */
    public long remainingMs(Caller caller) {
        return caller.deadline().remainingMs(clock.nanoTime());
    }

    /** An attempt cut by the caller's deadline before this long is no breaker failure ({@link CallerDeadlineException}). */
    public long breakerFloorMs(Downstream d) {
        return config.breakerFloorOf(d.key()).toMillis();
    }

    /** No attempt starts with less than this left. */
    public long minAttemptMs() {
        return config.deadline().minAttempt().toMillis();
    }

    /**
     * The caller allowed at most {@code backend.budgets.deadline.fallback-share} of its time left,
     * keeping the rest for the fallback that follows.
     */
    public Caller keepingTimeForFallback(Caller caller) {
        return caller.within(caller.deadline().share(clock.nanoTime(), config.deadline().fallbackShare()));
    }

    /** The caller allowed at most {@code max}, and never more than its time left. */
    public Caller atMost(Caller caller, Duration max) {
        return caller.within(caller.deadline().atMost(clock.nanoTime(), max));
    }
}
