package dev.resilient.backend.client.auth;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * auth-stub's public login endpoint ({@code quarkus.rest-client.auth.url}, env {@code AUTH_SERVER_URL}),
 * used only by the dashboard's login form. No internal token: {@code /token} is public, as on a
 * real identity provider.
 */
@RegisterRestClient(configKey = "auth")
@Path("/")
public interface AuthClient {

    /**
     * Exchanges a username and password for a signed access token. Throws
     * {@code DownstreamClientError} (401) for wrong credentials, {@code DownstreamServerError} on a
     * 5xx and {@code jakarta.ws.rs.ProcessingException} when auth-stub cannot be reached.
     */
    @POST
    @Path("token")
    TokenResponse token(TokenRequest credentials);
}
