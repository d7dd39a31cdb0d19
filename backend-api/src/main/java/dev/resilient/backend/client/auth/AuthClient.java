package dev.resilient.backend.client.auth;

import dev.resilient.kit.criticality.CriticalityHeader;
import dev.resilient.kit.deadline.DeadlineHeader;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * auth-stub's public login endpoint ({@code quarkus.rest-client.auth.url}, env {@code AUTH_SERVER_URL}),
 * used only by the dashboard's login form, guarded by {@code AuthGuard} (seed 001's fast operations:
 * 2 attempts, 5 s). No internal token: {@code /token} is public, as on a real identity provider.
 * Returns a {@link Uni}: the guard subscribes once per attempt; {@code budgetMs} and {@code criticality}
 * travel as {@code X-Request-Timeout-Ms} and {@code X-Request-Criticality}, as to every downstream.
 */
@RegisterRestClient(configKey = "auth")
@Path("/")
public interface AuthClient {

    /**
     * Exchanges a username and password for a signed access token. Fails with
     * {@code DownstreamClientError} (401) for wrong credentials, {@code DownstreamServerError} on a
     * 5xx and {@code jakarta.ws.rs.ProcessingException} when auth-stub cannot be reached.
     */
    @POST
    @Path("token")
    Uni<TokenResponse> token(@HeaderParam(DeadlineHeader.NAME) Long budgetMs,
            @HeaderParam(CriticalityHeader.NAME) String criticality, TokenRequest credentials);
}
