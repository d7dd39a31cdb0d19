package dev.resilient.backend.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.resilient.backend.resilience.TimeSource;
import io.smallrye.jwt.auth.principal.ParseException;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Bearer tokens already verified, by their exact text, each until the earlier of its own expiry and
 * {@code maxAge} after it was verified. A token that fails verification is never kept, so a bad token
 * costs its full verification every time, as before; only a good one seen again is cheap.
 *
 * <p>Why a cache of our own in front of SmallRye JWT: it parses the token's JSON, base64-decodes it and
 * RSA-verifies its signature on every request, the largest single cost of a search, and it has no
 * setting to keep the outcome. Caffeine does the bounding, the expiry and the statistics.
 */
public final class VerifiedTokens {

    /** The verification a miss runs: SmallRye JWT's parser. */
    @FunctionalInterface
    public interface Verifier {
        JsonWebToken verify(String token) throws ParseException;
    }

    private final Cache<String, Kept> cache;
    private final Verifier verifier;
    private final Clock wall;
    private final long maxAgeNanos;

    /** A verified token and how long it may be kept from when it was verified. */
    private record Kept(JsonWebToken jwt, long forNanos) {
    }

    /**
     * @param wall  the wall clock a token's {@code exp} is compared with
     * @param ticks the monotonic clock entries expire on
     */
    public VerifiedTokens(Verifier verifier, int maxSize, Duration maxAge, Clock wall, TimeSource ticks) {
        this.verifier = verifier;
        this.wall = wall;
        this.maxAgeNanos = maxAge.toNanos();
        this.cache = Caffeine.newBuilder()
                .maximumSize(maxSize)
                .ticker(ticks::nanoTime)
                .expireAfter(new Expiry<String, Kept>() {
                    @Override
                    public long expireAfterCreate(String key, Kept value, long now) {
                        return value.forNanos();
                    }

                    @Override
                    public long expireAfterUpdate(String key, Kept value, long now, long current) {
                        return value.forNanos();
                    }

                    @Override
                    public long expireAfterRead(String key, Kept value, long now, long current) {
                        return current;
                    }
                })
                .recordStats()
                .build();
    }

    /**
     * The token's claims, verified now or within the last {@code maxAge}.
     *
     * @throws ParseException when the token does not verify (a bad signature, an unknown key, expired, ...): the
     *                        caller answers 401 as it would without the cache
     */
    public JsonWebToken verify(String token) throws ParseException {
        Kept kept = cache.getIfPresent(token);
        if (kept != null) {
            return kept.jwt();
        }
        JsonWebToken jwt = verifier.verify(token);
        long untilExpiry = jwt.getExpirationTime() * 1_000_000_000L - wall.millis() * 1_000_000L;
        long forNanos = Math.min(maxAgeNanos, untilExpiry);
        if (forNanos > 0) {
            cache.put(token, new Kept(jwt, forNanos));
        }
        return jwt;
    }

    /** The Caffeine cache, for its metrics. */
    public Cache<String, ?> cache() {
        return cache;
    }
}
