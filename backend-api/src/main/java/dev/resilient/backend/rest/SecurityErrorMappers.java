package dev.resilient.backend.rest;

import dev.resilient.kit.errors.ErrorBody;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * 401/403 with the suite's JSON error instead of Quarkus' empty answers. Works because
 * {@code quarkus.http.auth.proactive=false}: authentication then fails inside the REST layer.
 */
public class SecurityErrorMappers {

    /** Seconds a caller waits before sending a token again that could not be checked. */
    static final int KEYS_UNAVAILABLE_RETRY_AFTER_S = 2;

    /**
     * 401 for a token that is missing, malformed, expired or not signed by a published key; 503 with
     * {@code Retry-After} when the token could not be checked at all: this process has no signing keys
     * yet (it started while auth-stub was down) and fetching them failed. That token may well be good,
     * so a 401 would send its client to log in again for nothing (every bearer token gets the 503 then: the keys
     * are fetched before the token is read; no token at all is still a 401). Once auth-stub answers, the next
     * request fetches the keys. (Keys fetched once are kept while auth-stub is down:
     * {@code smallrye.jwt.jwks.retain-cache-on-error-duration}.)
     */
    @ServerExceptionMapper({AuthenticationFailedException.class, UnauthorizedException.class})
    public Response unauthorized(RuntimeException failure) {
        if (signingKeysUnreachable(failure)) {
            return Response.status(503).type(MediaType.APPLICATION_JSON_TYPE)
                    .header(HttpHeaders.RETRY_AFTER, KEYS_UNAVAILABLE_RETRY_AFTER_S)
                    .entity(new ErrorBody("Authentication unavailable: the auth service's signing keys could not be"
                            + " fetched, so the token could not be checked; retry in " + KEYS_UNAVAILABLE_RETRY_AFTER_S + " s"))
                    .build();
        }
        return Response.status(401).type(MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .entity(new ErrorBody("missing, invalid or expired bearer token")).build();
    }

    @ServerExceptionMapper(ForbiddenException.class)
    public Response forbidden() {
        return Response.status(403).type(MediaType.APPLICATION_JSON_TYPE).entity(new ErrorBody("forbidden")).build();
    }

    /**
     * SmallRye JWT reports a key set it could not fetch as the verification's cause: an I/O failure
     * (connection refused, reset, timed out) under "Failed to load a key from ...". A token that was
     * checked and refused has no I/O failure among its causes.
     */
    static boolean signingKeysUnreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException) {
                return true;
            }
        }
        return false;
    }
}
