package dev.resilient.auth.rest;

import dev.resilient.auth.model.KeyRotation;
import dev.resilient.auth.service.SigningKey;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.UncheckedIOException;

/** Rotates the signing key, for operators (behind the internal token). */
@Path("/keys/rotate")
@Produces(MediaType.APPLICATION_JSON)
public class KeyRotationResource {

    static final String CONFIGURED = "the signing key comes from auth.private-key-location and is not rotated here; replace the files instead";

    private final SigningKey key;

    KeyRotationResource(SigningKey key) {
        this.key = key;
    }

    /**
     * A new key signs from now on; the previous one stays in the JWKS until tokens it signed have expired:
     * {@code {"kid","previous_kid","previous_published_until"}}. Answers 409 when the key is configured
     * by location, 503 when the key file cannot be written (the old key then still signs), 401 without
     * {@code X-INTERNAL-TOKEN}.
     */
    @POST
    public KeyRotation rotate() {
        if (!key.rotatable()) {
            throw new WebApplicationException(CONFIGURED, Response.Status.CONFLICT);
        }
        try {
            return key.rotate();
        } catch (UncheckedIOException e) {
            throw new WebApplicationException(e.getMessage(), Response.Status.SERVICE_UNAVAILABLE);
        }
    }
}
