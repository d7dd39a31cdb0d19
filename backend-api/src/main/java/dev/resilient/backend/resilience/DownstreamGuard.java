package dev.resilient.backend.resilience;

import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * A downstream's fault-tolerance policy, carried by the annotations on its implementation's
 * {@link #call}: one bean per downstream, so one circuit breaker per downstream, named after its
 * status key, as in the seeds. Each attempt counts toward the breaker, except one the caller's
 * own deadline cut before the breaker floor; an open breaker and 4xx answers (capacity answers
 * 507, 413 and 429 among them) are not retried; a full bulkhead is rejected at once and is not held against the
 * service. A call over the downstream's adaptive concurrency limit ({@link ConcurrencyLimits}) is
 * refused at once before any of them sees it; the fixed {@code @Bulkhead} stays as its ceiling, and as
 * the bound when the adaptive limit is switched off. Override any value with
 * {@code quarkus.fault-tolerance."dev.resilient.backend.resilience.<Name>Guard/call".<strategy>.<param>}.
 */
public interface DownstreamGuard {

    /**
     * Runs {@code call} under the downstream's policy: each attempt sends the call's request and
     * waits for its answer no longer than the policy timeout and the caller's time left.
     *
     * @return what the downstream answered
     * @throws BudgetExhaustedException at once when the caller has less than {@code min-attempt} left
     * @throws RetryDeniedException the failure that was not retried: no time left for the backoff, or retry budget spent
     * @throws DeadlineExceededException when the caller's deadline cut the attempt short, at or past the breaker floor
     * @throws CallerDeadlineException when the caller's deadline cut it before the floor, or a retry's backoff ended
     *         with less than {@code min-attempt} left (not sent; not a breaker failure)
     * @throws DownstreamCapacityError at once on 507, 413 or 429: the downstream cannot take this (not retried, not a breaker failure)
     * @throws DownstreamClientError at once on a 4xx answer (not retried, not a breaker failure)
     * @throws CircuitBreakerOpenException at once while the breaker is open
     * @throws ConcurrencyLimitExceededException at once when the downstream's adaptive concurrency limit of calls is in flight
     * @throws BulkheadException at once when too many attempts are in flight (the fixed ceiling under the adaptive limit)
     * @throws RuntimeException the last failure (5xx, timeout, connection error) once the attempts are spent
     */
    <T> T call(DownstreamCall<T> call);

    /** The downstream whose policy this guard carries: it takes only calls to it. */
    Downstream downstream();
}
