package dev.resilient.backend.resilience;

import io.smallrye.mutiny.Uni;

/**
 * The context of one logical call to a downstream, created where the call is made and passed to
 * its guard, which hands it to every layer that needs it: which downstream and operation, for whom
 * and by when ({@link Caller}), and how many attempts have started. The same request is sent on
 * every attempt (same body, same Idempotency-Key).
 *
 * @param <T> what the downstream answers
 */
public final class DownstreamCall<T> {

    /** Builds one attempt's request; nothing is sent until the attempt subscribes to it. */
    @FunctionalInterface
    public interface Request<T> {
        /**
         * @param budgetMs    the attempt's time budget, for the client's {@code X-Request-Timeout-Ms}
         *                    header parameter; null (no header) with budgets off
         * @param criticality the caller's criticality, for the client's {@code X-Request-Criticality} header parameter
         */
        Uni<T> send(Long budgetMs, String criticality);
    }

    private final Downstream downstream;
    private final String operation;
    private final Caller caller;
    private final Request<T> request;
    private final long attemptTimeoutMs;
    private int attempts;

    private DownstreamCall(Downstream downstream, String operation, Caller caller, Request<T> request,
            long attemptTimeoutMs) {
        this.downstream = downstream;
        this.operation = operation;
        this.caller = caller;
        this.request = request;
        this.attemptTimeoutMs = attemptTimeoutMs;
    }

    /** @param operation what is called, for logs and metrics, e.g. {@code POST /query} */
    public static <T> DownstreamCall<T> to(Downstream downstream, String operation, Caller caller, Request<T> request) {
        return new DownstreamCall<>(downstream, operation, caller, request, EffectivePolicy.NONE);
    }

    /**
     * The same call with each attempt also bounded by {@code timeout}: an operation's own timeout
     * below its downstream's (seed 000: full-text search 5 s, saving the chat history 10 s). The
     * caller's deadline still cuts it shorter; the downstream's other rules (attempts, breaker) apply.
     */
    public DownstreamCall<T> eachAttemptAtMost(java.time.Duration timeout) {
        return new DownstreamCall<>(downstream, operation, caller, request, Math.max(1, timeout.toMillis()));
    }

    /** The operation's own per-attempt timeout; {@link EffectivePolicy#NONE} when only the downstream's applies. */
    public long attemptTimeoutMs() {
        return attemptTimeoutMs;
    }

    public Downstream downstream() {
        return downstream;
    }

    public String operation() {
        return operation;
    }

    public Caller caller() {
        return caller;
    }

    /** Attempts started so far. */
    public int attempts() {
        return attempts;
    }

    int startAttempt() {
        return ++attempts;
    }

    Uni<T> request(Long budgetMs) {
        return request.send(budgetMs, caller.criticality().wireName());
    }
}
