package dev.resilient.llm.rest;

import dev.resilient.kit.errors.ErrorBody;
import dev.resilient.llm.service.ApiKeyVerifier;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * Answers 401 {@code {"error": ...}} with {@code WWW-Authenticate: Bearer} when {@code llm.api-key}
 * is set and the request lacks {@code Authorization: Bearer <key>}. Runs after stub-kit's
 * internal-token check, on {@link ApiKeyRequired} endpoints only.
 */
@Provider
@ApiKeyRequired
@Priority(Priorities.AUTHENTICATION)
public class ApiKeyFilter implements ContainerRequestFilter {

    static final String MESSAGE = "missing or invalid API key: send Authorization: Bearer <key>";

    private final ApiKeyVerifier verifier;

    ApiKeyFilter(ApiKeyVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!verifier.accepts(request.getHeaderString(HttpHeaders.AUTHORIZATION))) {
            request.abortWith(Response.status(Response.Status.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new ErrorBody(MESSAGE))
                    .build());
        }
    }
}
