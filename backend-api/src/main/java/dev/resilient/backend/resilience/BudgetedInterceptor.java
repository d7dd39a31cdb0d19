package dev.resilient.backend.resilience;

import com.netflix.concurrency.limits.Limiter;
import dev.resilient.kit.criticality.AdmissionGate;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * The entry of every guarded call, outside SmallRye Fault Tolerance (a lower priority than its
 * interceptor). It takes the {@link DownstreamCall} the guard was given and
 * <ul>
 * <li>refuses it when its caller has less than {@code min-attempt} left, before the circuit
 * breaker, the bulkhead or the retry see it, so a spent budget is never held for or against the
 * service;</li>
 * <li>takes a permit of the downstream's adaptive concurrency limit ({@link ConcurrencyLimits}), or
 * refuses the call at once, for the same reason before SmallRye sees it, and gives the permit back
 * with the call's outcome, retries included;</li>
 * <li>takes the user request out of the front door's count while the call waits on its downstream
 * ({@link Caller#awayOnDownstream()}): that wait is the downstream's limit's to bound;</li>
 * <li>makes it known to the retry decision ({@link #retryCheck()}) for as long as the guarded call
 * runs, retries included;</li>
 * <li>logs the calls an open breaker rejects (rate-limited), which only the outside sees.</li>
 * </ul>
 * The retry decision is this class' one thread local, set and cleared here: SmallRye creates the
 * backoff strategy itself and gives it only the failure, so the call cannot be passed to it.
 * Guarded calls are synchronous: the attempts and the backoff run on the caller's thread.
 */
@Budgeted
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER)
public class BudgetedInterceptor {

    /** The decision {@link BudgetedBackoff} asks before each wait. */
    @FunctionalInterface
    interface RetryCheck {
        /** @throws RetryDeniedException when the retry must not happen */
        void beforeBackoff(long delayMs, Throwable failure);
    }

    /** What the backoff of the guarded call running on this thread needs to know. */
    private record Retrying(RetryCheck check, BackoffShape shape) {
    }

    // Not a parameter because SmallRye instantiates CustomBackoffStrategy itself and hands it only the
    // failure: neither the call (for the retry decision) nor its downstream (for that downstream's backoff
    // factor and jitter) can reach it any other way. Set and cleared (restored) by guard() below, around one
    // guarded call on this thread; guarded calls are synchronous, so the attempts and waits run on it.
    private static final ThreadLocal<Retrying> RETRY_CHECK = new ThreadLocal<>();

    private final Deadlines deadlines;
    private final RetryGate gate;
    private final MeterRegistry registry;
    private final DownstreamLog log;
    private final ConcurrencyLimits limits;
    private final BackoffShapes shapes;

    BudgetedInterceptor(Deadlines deadlines, RetryGate gate, MeterRegistry registry, DownstreamLog log,
            ConcurrencyLimits limits, BackoffShapes shapes) {
        this.shapes = shapes;
        this.deadlines = deadlines;
        this.gate = gate;
        this.registry = registry;
        this.log = log;
        this.limits = limits;
    }

    /** The retry decision of the guarded call running on this thread; null outside one. */
    static RetryCheck retryCheck() {
        Retrying r = RETRY_CHECK.get();
        return r == null ? null : r.check();
    }

    /** The backoff shape of the guarded call's downstream running on this thread; null outside one. */
    static BackoffShape backoffShape() {
        Retrying r = RETRY_CHECK.get();
        return r == null ? null : r.shape();
    }

    @AroundInvoke
    Object guard(InvocationContext ctx) throws Exception {
        DownstreamCall<?> call = callOf(ctx);
        Downstream d = call.downstream();
        long left = deadlines.remainingMs(call.caller());
        if (left != Deadlines.NONE && left < deadlines.minAttemptMs()) {
            log.notCalled(d, call.operation(), left, call.caller().endpoint());
            BudgetMetrics.denied(registry, d, BudgetMetrics.NOT_STARTED);
            throw new BudgetExhaustedException(left);
        }
        Limiter.Listener permit = limits.acquire(d);
        Retrying outer = RETRY_CHECK.get();
        RETRY_CHECK.set(new Retrying((delayMs, failure) -> gate.beforeBackoff(call, delayMs, failure), shapes.of(d)));
        try (AdmissionGate.Return back = call.caller().awayOnDownstream()) {
            Object answer = ctx.proceed();
            ConcurrencyLimits.release(permit, call, null);
            return answer;
        } catch (Throwable e) {
            if (e instanceof CircuitBreakerOpenException) {
                log.rejectedByOpenBreaker(d);
            }
            ConcurrencyLimits.release(permit, call, e);
            throw e;
        } finally {
            if (outer == null) {
                RETRY_CHECK.remove();
            } else {
                RETRY_CHECK.set(outer);
            }
        }
    }

    /** The call a guard's {@code call(DownstreamCall)} was given, checked against the guard's downstream. */
    private static DownstreamCall<?> callOf(InvocationContext ctx) {
        if (ctx.getTarget() instanceof DownstreamGuard guard && ctx.getParameters().length == 1
                && ctx.getParameters()[0] instanceof DownstreamCall<?> call) {
            if (call.downstream() != guard.downstream()) {
                throw new IllegalArgumentException("a call to " + call.downstream().key() + " passed to the "
                        + guard.downstream().key() + " guard");
            }
            return call;
        }
        throw new IllegalStateException("@Budgeted applies to DownstreamGuard.call(DownstreamCall) only, not "
                + ctx.getMethod());
    }
}
