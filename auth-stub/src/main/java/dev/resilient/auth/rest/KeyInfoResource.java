package dev.resilient.auth.rest;

import dev.resilient.auth.config.AuthConfig;
import dev.resilient.auth.model.KeyInfo;
import dev.resilient.auth.service.SigningKey;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Which key signs tokens, for operators and the backend's diagnostics (behind the internal token). */
@Path("/keys/info")
@Produces(MediaType.APPLICATION_JSON)
public class KeyInfoResource {

    private final SigningKey key;
    private final String issuer;

    KeyInfoResource(SigningKey key, AuthConfig config) {
        this.key = key;
        this.issuer = config.issuer();
    }

    /** {@code {"kid","algorithm":"RS256","issuer"}}; 401 without {@code X-INTERNAL-TOKEN}, never fails otherwise. */
    @GET
    public KeyInfo info() {
        return new KeyInfo(key.active().kid(), SigningKey.ALGORITHM, issuer);
    }
}
