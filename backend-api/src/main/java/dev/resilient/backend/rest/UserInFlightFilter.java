package dev.resilient.backend.rest;

import dev.resilient.backend.config.QuotaConfig;
import dev.resilient.kit.errors.ErrorBody;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Requests in flight per user ({@code backend.quotas.requests-in-flight-per-user}): a user past it
 * gets 429 JSON with {@code Retry-After} at once, so one user's burst cannot hold every worker thread
 * and connection while the others wait. Counted per token subject from the moment the request is
 * authenticated until its response ends (or its connection closes); anonymous requests are left to
 * the endpoint's own 401. Held per process, as the other front-door limits.
 */
public class UserInFlightFilter {

    private final CurrentIdentityAssociation identity;
    private final int limit;
    private final ConcurrentMap<String, Integer> inFlight = new ConcurrentHashMap<>();

    UserInFlightFilter(CurrentIdentityAssociation identity, QuotaConfig config) {
        this.identity = identity;
        this.limit = config.requestsInFlightPerUser();
    }

    @ServerRequestFilter
    public Uni<Response> admit(RoutingContext rc) {
        return identity.getDeferredIdentity().map(id -> {
            if (id.isAnonymous()) {
                return null;
            }
            String user = id.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null ? jwt.getSubject()
                    : id.getPrincipal().getName();
            if (inFlight.merge(user, 1, Integer::sum) > limit) {
                leave(user);
                return Response.status(429).type(MediaType.APPLICATION_JSON_TYPE).header(HttpHeaders.RETRY_AFTER, "1")
                        .entity(new ErrorBody("You have " + limit + " requests in flight, the most one user may have "
                                + "(backend.quotas.requests-in-flight-per-user): wait for their answers")).build();
            }
            rc.addEndHandler(done -> leave(user));
            return null;
        });
    }

    private void leave(String user) {
        inFlight.computeIfPresent(user, (u, n) -> n == 1 ? null : n - 1);
    }
}
