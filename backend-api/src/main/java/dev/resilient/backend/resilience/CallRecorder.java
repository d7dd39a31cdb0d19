package dev.resilient.backend.resilience;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Runs one attempt of a downstream call inside its guard: numbers it in the log, and records
 * success or failure for the status endpoint. Shared by every guard so the log lines and the
 * counting are the same for every downstream.
 */
@ApplicationScoped
public class CallRecorder {

    private static final Logger LOG = Logger.getLogger("dev.resilient.backend.downstream");

    private final DownstreamStats stats;
    private final PolicyRegistry policies;

    CallRecorder(DownstreamStats stats, PolicyRegistry policies) {
        this.stats = stats;
        this.policies = policies;
    }

    <T> T attempt(Downstream d, DownstreamCall<T> call) {
        int attempt = call.startAttempt();
        long attempts = policies.get(d).attempts();
        if (attempt > 1) {
            LOG.infof("%s %s attempt %d/%d after %d ms backoff", d.tag(), call.operation(), attempt, attempts,
                    call.msSincePreviousAttempt());
        }
        try {
            T result = call.run();
            stats.success(d);
            LOG.debugf("%s \u2713 %s succeeded", d.tag(), call.operation());
            return result;
        } catch (DownstreamClientError e) {
            // The service answered: a 4xx says nothing about its health.
            stats.success(d);
            LOG.infof("%s %s answered %d, not retried", d.tag(), call.operation(), e.status());
            throw e;
        } catch (RuntimeException e) {
            int failures = stats.failure(d, Failures.describe(e));
            LOG.warnf("%s %s failed on attempt %d/%d: %s (%d consecutive failures)", d.tag(), call.operation(),
                    attempt, attempts, Failures.describe(e), failures);
            throw e;
        }
    }
}
