package dev.resilient.backend.security;

import dev.resilient.backend.config.TokenCacheConfig;
import dev.resilient.backend.resilience.TimeSource;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The {@link JWTParser} Quarkus' bearer-token authentication uses (it injects the one bean of that type;
 * this alternative replaces SmallRye's {@link DefaultJWTParser}, which it delegates to): a request's token
 * that was verified within {@code backend.token-cache.max-age} and has not expired is taken from
 * {@link VerifiedTokens} instead of being parsed and RSA-verified again. Every other method, and
 * {@link #parse(String)} with the cache off, is SmallRye's own.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class CachingJwtParser implements JWTParser {

    private final DefaultJWTParser delegate;
    private final VerifiedTokens tokens;

    CachingJwtParser(DefaultJWTParser delegate, TokenCacheConfig config, TimeSource time, MeterRegistry registry) {
        this.delegate = delegate;
        this.tokens = config.enabled()
                ? new VerifiedTokens(delegate::parse, config.maxSize(), config.maxAge(), Clock.systemUTC(), time)
                : null;
        if (tokens != null) {
            // not Micrometer's CaffeineCacheMetrics: its cache.gets would clash with the distributed cache's
            // cache.gets, whose tags (level, region) differ, and Prometheus refuses one name with two tag sets
            var cache = tokens.cache();
            FunctionCounter.builder("backend.token_cache.hits", cache, c -> c.stats().hitCount())
                    .description("Requests whose bearer token was already verified (not verified again)").register(registry);
            FunctionCounter.builder("backend.token_cache.misses", cache, c -> c.stats().missCount())
                    .description("Requests whose bearer token was parsed and verified").register(registry);
            Gauge.builder("backend.token_cache.size", cache, c -> c.estimatedSize())
                    .description("Verified tokens kept").register(registry);
        }
    }

    /** @throws ParseException when the token does not verify: Quarkus answers 401 */
    @Override
    public JsonWebToken parse(String token) throws ParseException {
        return tokens == null ? delegate.parse(token) : tokens.verify(token);
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return delegate.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return delegate.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return delegate.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return delegate.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return delegate.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return delegate.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return delegate.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return delegate.parseOnly(token);
    }
}
