package dev.resilient.auth.service;

import dev.resilient.auth.config.AuthConfig;
import dev.resilient.auth.model.TokenResponse;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.jwt.Claims;

/** Signs access tokens (RS256, MicroProfile JWT claims) for authenticated users. */
@ApplicationScoped
public class TokenIssuer {

    private final SigningKey key;
    private final String issuer;
    private final long lifespanSeconds;
    private final Clock clock = Clock.systemUTC();

    TokenIssuer(SigningKey key, AuthConfig config) {
        this.key = key;
        this.issuer = config.issuer();
        this.lifespanSeconds = config.tokenLifespan().toSeconds();
        if (lifespanSeconds < 1) {
            throw new IllegalStateException("auth.token-lifespan must be at least 1 second, got " + config.tokenLifespan());
        }
    }

    /** A token with {@code iss}, {@code sub} and {@code upn} (the username), {@code groups}, {@code iat}, {@code exp}, {@code jti}. */
    public TokenResponse issue(String username, Set<String> groups) {
        SigningKey.Active signing = key.active();
        long issuedAt = clock.instant().getEpochSecond();
        String token = Jwt.issuer(issuer)
                .subject(username)
                .upn(username)
                .groups(groups)
                .issuedAt(issuedAt)
                .expiresAt(issuedAt + lifespanSeconds)
                .claim(Claims.jti, UUID.randomUUID().toString())
                .jws()
                .algorithm(SignatureAlgorithm.RS256)
                .keyId(signing.kid())
                .sign(signing.privateKey());
        return TokenResponse.bearer(token, lifespanSeconds);
    }
}
