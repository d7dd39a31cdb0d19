package dev.resilient.stubkit.chaos;

import dev.resilient.kit.deadline.DeadlineHeader;
import dev.resilient.kit.errors.JsonErrors;
import dev.resilient.stubkit.config.StubConfig;
import dev.resilient.stubkit.web.ExemptPaths;
import io.quarkus.vertx.web.RouteFilter;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Applies the current fault to each request before it reaches an endpoint. It works at the
 * Vert.x level because {@code hang} and {@code reset} need the raw connection, which a JAX-RS
 * filter cannot hold open or drop. Runs after the token check, so {@code /_chaos} stays guarded.
 * <p>
 * It also honours the caller's deadline ({@link DeadlineHeader}): a request whose budget is already
 * spent is not worked on, and a slow or hanging fault stops waiting when the budget runs out; both
 * answer 504 and count in {@code deadline_exceeded_total}, so a test can see that the caller's time
 * budget reached the stub and was respected.
 */
@ApplicationScoped
public class ChaosFilter {

    static final int PRIORITY = 500;
    static final long LOST_RESPONSE_LENGTH = 1 << 20;
    /** No deadline announced: the request may take as long as the fault says. */
    static final long NO_DEADLINE = Long.MAX_VALUE;

    private final ChaosState state;
    private final ChaosMetrics metrics;
    private final Vertx vertx;
    private final long hangMaxMs;

    ChaosFilter(ChaosState state, ChaosMetrics metrics, Vertx vertx, StubConfig config) {
        this.state = state;
        this.metrics = metrics;
        this.vertx = vertx;
        this.hangMaxMs = config.chaos().hangMax().toMillis();
    }

    @RouteFilter(PRIORITY)
    void apply(RoutingContext rc) {
        String path = rc.normalizedPath();
        if (ExemptPaths.isChaosApi(path) || ExemptPaths.isQuarkusEndpoint(path)) {
            rc.next();
            return;
        }
        state.countRequest(path);
        metrics.request(path);
        long budgetMs;
        try {
            OptionalLong left = DeadlineHeader.parse(rc.request().getHeader(DeadlineHeader.NAME));
            budgetMs = left.orElse(NO_DEADLINE);
            if (left.isPresent()) {
                state.countDeadline(budgetMs);
            }
        } catch (IllegalArgumentException e) {
            JsonErrors.end(rc, 400, e.getMessage());
            return;
        }
        if (budgetMs <= 0) {
            giveUp(rc, budgetMs);
            return;
        }
        ChaosState.Active active = state.current();
        FaultSpec fault = active.spec();
        if (fault.mode() == FaultMode.OK || !fault.covers(path)
                || ThreadLocalRandom.current().nextDouble() >= fault.probability() || !state.claim(active)) {
            rc.next();
            return;
        }
        state.countFaulted();
        metrics.faulted(path, fault.mode());
        if (FaultSpec.PHASE_RESPONSE.equals(fault.phase())) {
            loseResponse(rc);
            return;
        }
        long delay = fault.latencyMs()
                + (fault.jitterMs() > 0 ? ThreadLocalRandom.current().nextLong(fault.jitterMs() + 1) : 0);
        if (fault.mode() == FaultMode.HANG) {
            hang(rc, budgetMs);
        } else if (delay >= budgetMs) {
            vertx.setTimer(budgetMs, id -> giveUp(rc, budgetMs)); // the caller stops waiting first
        } else if (delay > 0) {
            vertx.setTimer(delay, id -> act(rc, fault));
        } else {
            act(rc, fault);
        }
    }

    /** Holds the request open until the caller's budget or {@code stub.chaos.hang-max} runs out. */
    private void hang(RoutingContext rc, long budgetMs) {
        if (budgetMs < hangMaxMs) {
            vertx.setTimer(budgetMs, id -> giveUp(rc, budgetMs));
        } else {
            vertx.setTimer(hangMaxMs, id -> {
                if (!rc.response().closed()) {
                    rc.request().connection().close();
                }
            });
        }
    }

    /** The caller's deadline has passed: no more work or waiting for it. */
    private void giveUp(RoutingContext rc, long budgetMs) {
        state.countDeadlineExceeded();
        if (!rc.response().closed() && !rc.response().ended()) {
            JsonErrors.end(rc, 504, "deadline exceeded: the caller's budget of " + Math.max(budgetMs, 0)
                    + " ms (" + DeadlineHeader.NAME + ") ran out");
        }
    }

    /**
     * The endpoint does its work; its answer is cut off. Closing the connection before the
     * answer is written races with the write, so the answer instead announces far more bytes
     * than it sends and the connection is reset after the body: the client always sees a
     * truncated response, an I/O error, as when a reply dies on the network.
     */
    private void loseResponse(RoutingContext rc) {
        rc.addHeadersEndHandler(v -> {
            rc.response().headers().remove("Transfer-Encoding");
            rc.response().putHeader("Content-Length", String.valueOf(LOST_RESPONSE_LENGTH));
        });
        rc.addBodyEndHandler(v -> ConnectionDropper.drop(rc.request().connection()));
        rc.next();
    }

    private void act(RoutingContext rc, FaultSpec fault) {
        switch (fault.mode()) {
            case SLOW -> rc.next();
            case ERROR, FLAKY -> JsonErrors.end(rc, fault.status(), "injected fault: " + fault.mode().wire());
            case RESET -> ConnectionDropper.drop(rc.request().connection());
            default -> rc.next();
        }
    }
}
