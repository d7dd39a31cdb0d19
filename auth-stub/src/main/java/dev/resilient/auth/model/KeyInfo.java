package dev.resilient.auth.model;

/** Answer of {@code GET /keys/info}: which key signs tokens, and for which issuer. */
public record KeyInfo(String kid, String algorithm, String issuer) {
}
