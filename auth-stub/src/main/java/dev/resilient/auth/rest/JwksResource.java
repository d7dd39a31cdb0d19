package dev.resilient.auth.rest;

import dev.resilient.auth.model.JwkSet;
import dev.resilient.auth.service.SigningKey;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The public keys that verify this server's tokens: public, for every resource server. */
@Path("/.well-known/jwks.json")
@Produces(MediaType.APPLICATION_JSON)
public class JwksResource {

    private final SigningKey key;

    JwksResource(SigningKey key) {
        this.key = key;
    }

    /**
     * The JSON Web Key Set {@code {"keys":[{"kty":"RSA","kid","use":"sig","alg":"RS256","n","e"}, ...]}}: the
     * signing key first, then previous keys while tokens they signed may still be valid; never fails.
     */
    @GET
    public JwkSet keys() {
        return new JwkSet(key.jwks());
    }
}
