package dev.resilient.kit.errors;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Writes the suite's error shape, {@code {"error": "..."}}, from Vert.x route filters. */
public final class JsonErrors {

    private JsonErrors() {
    }

    public static void end(RoutingContext rc, int status, String message) {
        if (rc.response().ended() || rc.response().closed()) {
            return;
        }
        rc.response()
                .setStatusCode(status)
                .putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("error", message).encode());
    }
}
