package dev.resilient.backend.resilience;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Every log line the seeds define for a downstream call, in their words, in one place: each is
 * written once, by the class that sees the event happen (the attempt, the backoff before its wait,
 * the breaker's state change). Category {@code dev.resilient.backend.downstream}.
 */
@ApplicationScoped
public class DownstreamLog {

    static final String CATEGORY = "dev.resilient.backend.downstream";
    /** An open breaker under load rejects every call: one line per downstream per interval. */
    static final long REJECTION_LOG_INTERVAL_MS = 10_000;
    private static final Logger LOG = Logger.getLogger(CATEGORY);

    private final Map<Downstream, LogThrottle> rejections = new EnumMap<>(Downstream.class);
    private final Map<Downstream, LogThrottle> overLimit = new EnumMap<>(Downstream.class);

    DownstreamLog(TimeSource clock) {
        for (Downstream d : Downstream.values()) {
            rejections.put(d, new LogThrottle(REJECTION_LOG_INTERVAL_MS, clock::millis));
            overLimit.put(d, new LogThrottle(REJECTION_LOG_INTERVAL_MS, clock::millis));
        }
    }

    void succeeded(Downstream d, String operation) {
        LOG.debugf("%s \u2713 %s succeeded", d.tag(), operation);
    }

    void attemptStarts(Downstream d, String operation, int attempt, long attempts) {
        LOG.debugf("%s %s (attempt %d/%d)", d.tag(), operation, attempt, attempts);
    }

    void clientError(Downstream d, String operation, int status) {
        LOG.infof("%s %s answered %d, not retried", d.tag(), operation, status);
    }

    /** Written by the backoff before it waits, with the wait it is about to make. */
    void retrying(Downstream d, String operation, int attempt, long attempts, String failure, long delayMs) {
        LOG.warnf("%s \u26a0 %s failed on attempt %d/%d (%s), retrying in %s...", d.tag(), operation, attempt,
                attempts, failure, seconds(delayMs));
    }

    void notRetried(Downstream d, String operation, int attempt, long attempts, String failure, String why) {
        LOG.warnf("%s \u2717 %s failed on attempt %d/%d (%s), not retried: %s", d.tag(), operation, attempt, attempts,
                failure, why);
    }

    void allAttemptsFailed(Downstream d, String operation, long attempts, String failure) {
        LOG.errorf("%s \u2717 All %d retry attempts failed (%s: %s)", d.tag(), attempts, operation, failure);
    }

    void notCalled(Downstream d, String operation, long leftMs, String endpoint) {
        LOG.warnf("%s %s not called: %d ms left of the %s request's budget", d.tag(), operation, Math.max(leftMs, 0),
                endpoint);
    }

    /** Each opening starts a new rejection window, so its first rejection is always written. */
    void breakerOpened(Downstream d, boolean fromHalfOpen) {
        rejections.get(d).reset();
        LOG.errorf("%s \u2717 Circuit breaker OPEN (%s)", d.tag(),
                fromHalfOpen ? "recovery test failed" : "threshold reached");
    }

    void breakerHalfOpen(Downstream d) {
        LOG.infof("%s \uD83D\uDD04 Circuit breaker HALF_OPEN (testing recovery)", d.tag());
    }

    void breakerClosed(Downstream d) {
        LOG.infof("%s \uD83D\uDD04 Circuit breaker CLOSED (service recovered)", d.tag());
    }

    /**
     * Rate-limited: at most one line per downstream every {@value #REJECTION_LOG_INTERVAL_MS} ms, the
     * first rejection after each opening always.
     */
    void rejectedByOpenBreaker(Downstream d) {
        long left = rejections.get(d).admit();
        if (left == LogThrottle.SUPPRESSED) {
            return;
        }
        LOG.warnf("%s Circuit breaker OPEN - rejecting request%s", d.tag(),
                left == 0 ? "" : " (" + left + " more rejected since the last line)");
    }

    /**
     * A call refused at the adaptive concurrency limit; rate-limited like {@link #rejectedByOpenBreaker},
     * at most one line per downstream every {@value #REJECTION_LOG_INTERVAL_MS} ms.
     */
    void rejectedByConcurrencyLimit(Downstream d, int limit) {
        long left = overLimit.get(d).admit();
        if (left == LogThrottle.SUPPRESSED) {
            return;
        }
        LOG.warnf("%s Concurrency limit reached (%d in flight) - rejecting request%s", d.tag(), limit,
                left == 0 ? "" : " (" + left + " more rejected since the last line)");
    }

    /** {@code 1s}, {@code 1.5s}, {@code 0.1s}: the seeds write waits in seconds. */
    static String seconds(long ms) {
        return BigDecimal.valueOf(ms).movePointLeft(3).stripTrailingZeros().toPlainString() + "s";
    }
}
