package dev.resilient.kit.body;

import dev.resilient.kit.errors.JsonErrors;
import io.quarkus.vertx.web.RouteFilter;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Answers 413 with the suite's JSON error when a declared body is over {@code api.body.max-bytes}
 * (the stubs set it from {@code stub.max-body-bytes}).
 * Vert.x' own {@code quarkus.http.limits.max-body-size} stays as the backstop for chunked bodies,
 * but it answers without a body, hence this filter.
 */
@ApplicationScoped
public class BodyLimitFilter {

    static final int PRIORITY = 2000;
    private final long maxBytes;

    BodyLimitFilter(BodyLimitConfig config) {
        this.maxBytes = config.maxBytes();
    }

    @RouteFilter(PRIORITY)
    void check(RoutingContext rc) {
        String length = rc.request().getHeader("Content-Length");
        if (length != null) {
            long declared;
            try {
                declared = Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                JsonErrors.end(rc, 400, "invalid Content-Length");
                return;
            }
            if (declared > maxBytes) {
                JsonErrors.end(rc, 413, "request body larger than " + maxBytes + " bytes");
                return;
            }
        }
        rc.next();
    }
}
