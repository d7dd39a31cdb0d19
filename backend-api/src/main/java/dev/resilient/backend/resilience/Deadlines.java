package dev.resilient.backend.resilience;

import dev.resilient.backend.config.BudgetConfig;
import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * The time left to the user request being served on this thread. Outside a user request (the
 * ingestion jobs, start-up) and with budgets off there is no deadline: {@link #remainingMs()} is
 * {@link Long#MAX_VALUE} and every policy timeout applies unchanged.
 */
@ApplicationScoped
public class Deadlines {

    /** Returned when no deadline applies. */
    public static final long NONE = Long.MAX_VALUE;

    /** A narrowed deadline in force until closed; closing restores the wider one. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    private static final Scope NO_SCOPE = () -> {
    };

    private final RequestDeadline request;
    private final BudgetConfig config;
    private final TimeSource clock;

    Deadlines(RequestDeadline request, BudgetConfig config, TimeSource clock) {
        this.request = request;
        this.config = config;
        this.clock = clock;
    }

    /** Starts the request's deadline: {@code budget} from now. */
    public void start(String endpoint, Duration budget) {
        if (config.enabled()) {
            request.start(endpoint, Deadline.in(clock.nanoTime(), budget.toMillis()));
        }
    }

    /** Milliseconds left to the request's deadline (negative once passed), or {@link #NONE}. */
    public long remainingMs() {
        RequestDeadline d = active();
        return d == null ? NONE : d.deadline().remainingMs(clock.nanoTime());
    }

    /** The endpoint whose budget applies, for logs; null outside a user request. */
    public String endpoint() {
        RequestDeadline d = active();
        return d == null ? null : d.endpoint();
    }

    /** No attempt starts with less than this left. */
    public long minAttemptMs() {
        return config.deadline().minAttempt().toMillis();
    }

    /**
     * Lets the calls inside the scope use at most {@code backend.budgets.deadline.fallback-share}
     * of the time left, keeping the rest for the fallback that follows them.
     */
    public Scope keepingTimeForFallback() {
        return share(config.deadline().fallbackShare());
    }

    /** Lets the calls inside the scope use at most {@code share} of the time left. */
    public Scope share(double share) {
        RequestDeadline d = active();
        if (d == null) {
            return NO_SCOPE;
        }
        return narrow(d, d.deadline().share(clock.nanoTime(), share));
    }

    /** Lets the calls inside the scope use at most {@code max}, and never more than the time left. */
    public Scope atMost(Duration max) {
        RequestDeadline d = active();
        return d == null ? NO_SCOPE : narrow(d, d.deadline().atMost(clock.nanoTime(), max));
    }

    private static Scope narrow(RequestDeadline d, Deadline narrower) {
        Deadline wider = d.deadline();
        d.deadline(narrower);
        return () -> d.deadline(wider);
    }

    private RequestDeadline active() {
        if (!config.enabled() || !Arc.container().requestContext().isActive()) {
            return null;
        }
        return request.started() ? request : null;
    }
}
