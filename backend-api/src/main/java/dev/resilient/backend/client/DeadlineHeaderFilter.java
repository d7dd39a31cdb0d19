package dev.resilient.backend.client;

import dev.resilient.backend.resilience.AttemptContext;
import dev.resilient.kit.deadline.DeadlineHeader;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Tells the downstream how long this attempt will wait for it ({@code X-Request-Timeout-Ms}), so it
 * can stop working for a caller that has gone. Registered on every REST client (a {@code @Provider}
 * client filter) and on the programmatic LLM clients.
 */
@Provider
public class DeadlineHeaderFilter implements ClientRequestFilter {

    @Override
    public void filter(ClientRequestContext request) {
        AttemptContext.budgetMs().ifPresent(ms -> request.getHeaders().putSingle(DeadlineHeader.NAME, String.valueOf(ms)));
    }
}
