package dev.resilient.backend.resilience;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import io.micrometer.core.instrument.MeterRegistry;
import org.jboss.logging.Logger;

/**
 * Runs outside SmallRye Fault Tolerance (a lower priority than its interceptor): a call whose
 * request has less than {@code min-attempt} left is refused here, before the circuit breaker, the
 * bulkhead or the retry see it, so a spent budget is never held for or against the service.
 */
@Budgeted
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER)
public class BudgetedInterceptor {

    private static final Logger LOG = Logger.getLogger("dev.resilient.backend.downstream");

    private final Deadlines deadlines;
    private final MeterRegistry registry;

    BudgetedInterceptor(Deadlines deadlines, MeterRegistry registry) {
        this.deadlines = deadlines;
        this.registry = registry;
    }

    @AroundInvoke
    Object guard(InvocationContext ctx) throws Exception {
        long left = deadlines.remainingMs();
        if (left != Deadlines.NONE && left < deadlines.minAttemptMs()) {
            Downstream d = Guards.downstreamOf(ctx.getMethod().getDeclaringClass());
            Object call = ctx.getParameters().length > 0 ? ctx.getParameters()[0] : null;
            LOG.warnf("%s %s not called: %d ms left of the %s request's budget", d.tag(),
                    call instanceof DownstreamCall<?> c ? c.operation() : "call", Math.max(left, 0), deadlines.endpoint());
            BudgetMetrics.denied(registry, d, BudgetMetrics.NOT_STARTED);
            throw new BudgetExhaustedException(left);
        }
        try {
            return ctx.proceed();
        } finally {
            AttemptContext.clear();
        }
    }
}
