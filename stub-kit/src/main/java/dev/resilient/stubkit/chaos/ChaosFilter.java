package dev.resilient.stubkit.chaos;

import dev.resilient.stubkit.config.StubConfig;
import dev.resilient.stubkit.web.ExemptPaths;
import dev.resilient.errors.JsonErrors;
import io.quarkus.vertx.web.RouteFilter;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Applies the current fault to each request before it reaches an endpoint. It works at the
 * Vert.x level because {@code hang} and {@code reset} need the raw connection, which a JAX-RS
 * filter cannot hold open or drop. Runs after the token check, so {@code /_chaos} stays guarded.
 */
@ApplicationScoped
public class ChaosFilter {

    static final int PRIORITY = 500;

    private final ChaosState state;
    private final Vertx vertx;
    private final long hangMaxMs;

    ChaosFilter(ChaosState state, Vertx vertx, StubConfig config) {
        this.state = state;
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
        FaultSpec fault = state.current().spec();
        if (fault.mode() == FaultMode.OK || !fault.covers(path)
                || ThreadLocalRandom.current().nextDouble() >= fault.probability()) {
            rc.next();
            return;
        }
        state.countFaulted();
        long delay = fault.latencyMs()
                + (fault.jitterMs() > 0 ? ThreadLocalRandom.current().nextLong(fault.jitterMs() + 1) : 0);
        if (delay > 0 && fault.mode() != FaultMode.HANG) {
            vertx.setTimer(delay, id -> act(rc, fault));
        } else {
            act(rc, fault);
        }
    }

    private void act(RoutingContext rc, FaultSpec fault) {
        switch (fault.mode()) {
            case SLOW -> rc.next();
            case ERROR, FLAKY -> JsonErrors.end(rc, fault.status(), "injected fault: " + fault.mode().wire());
            case RESET -> rc.request().connection().close();
            case HANG -> vertx.setTimer(hangMaxMs, id -> {
                if (!rc.response().closed()) {
                    rc.request().connection().close();
                }
            });
            default -> rc.next();
        }
    }
}
