package dev.resilient.backend.resilience;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import io.micrometer.core.instrument.MeterRegistry;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * Runs outside SmallRye Fault Tolerance (a lower priority than its interceptor): a call whose
 * request has less than {@code min-attempt} left is refused here, before the circuit breaker, the
 * bulkhead or the retry see it, so a spent budget is never held for or against the service. Being
 * outside, it also sees every call an open breaker rejects, and logs them (rate-limited).
 */
@Budgeted
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER)
public class BudgetedInterceptor {

    private final Deadlines deadlines;
    private final MeterRegistry registry;
    private final DownstreamLog log;

    BudgetedInterceptor(Deadlines deadlines, MeterRegistry registry, DownstreamLog log) {
        this.deadlines = deadlines;
        this.registry = registry;
        this.log = log;
    }

    @AroundInvoke
    Object guard(InvocationContext ctx) throws Exception {
        long left = deadlines.remainingMs();
        if (left != Deadlines.NONE && left < deadlines.minAttemptMs()) {
            Downstream d = Guards.downstreamOf(ctx.getMethod().getDeclaringClass());
            Object call = ctx.getParameters().length > 0 ? ctx.getParameters()[0] : null;
            log.notCalled(d, call instanceof DownstreamCall<?> c ? c.operation() : "call", left, deadlines.endpoint());
            BudgetMetrics.denied(registry, d, BudgetMetrics.NOT_STARTED);
            throw new BudgetExhaustedException(left);
        }
        try {
            return ctx.proceed();
        } catch (CircuitBreakerOpenException e) {
            log.rejectedByOpenBreaker(Guards.downstreamOf(ctx.getMethod().getDeclaringClass()));
            throw e;
        } finally {
            AttemptContext.clear();
        }
    }
}
