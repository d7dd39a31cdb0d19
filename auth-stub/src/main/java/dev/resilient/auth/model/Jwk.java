package dev.resilient.auth.model;

/** One RSA public key in JSON Web Key form (RFC 7517/7518): {@code n} and {@code e} base64url, unpadded. */
public record Jwk(String kty, String kid, String use, String alg, String n, String e) {
}
