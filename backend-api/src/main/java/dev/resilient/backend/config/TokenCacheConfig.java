package dev.resilient.backend.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * The cache of bearer tokens already verified (keys {@code backend.token-cache.*}, env
 * {@code BACKEND_TOKEN_CACHE_*}; {@code security.CachingJwtParser}): a token seen again within
 * {@link #maxAge()} and before its own expiry is not parsed and RSA-verified again.
 */
@ConfigMapping(prefix = "backend.token-cache")
public interface TokenCacheConfig {

    /** Off: every request's token is parsed and verified (SmallRye JWT's own behaviour). */
    @WithDefault("true")
    boolean enabled();

    /** Tokens kept at most; the least recently used go first. */
    @WithDefault("10000")
    int maxSize();

    /**
     * How long a verified token is taken as verified, at most (never past its own {@code exp}). It bounds
     * how long a token signed by a key the auth service has since withdrawn from its JWKS is still
     * accepted: 60 s, the JWKS refresh interval, so the cache adds no more than the key cache already does.
     */
    @WithDefault("60s")
    Duration maxAge();
}
