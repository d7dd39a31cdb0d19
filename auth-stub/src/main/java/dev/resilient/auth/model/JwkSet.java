package dev.resilient.auth.model;

import java.util.List;

/** Answer of {@code GET /.well-known/jwks.json}. */
public record JwkSet(List<Jwk> keys) {
}
