package dev.resilient.backend.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.smallrye.jwt.auth.principal.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/** The cache of verified tokens on a fake clock (the wall clock and the ticker move together). */
class VerifiedTokensTest {

    private static final long START_EPOCH_S = 1_800_000_000L;

    private final AtomicLong nanos = new AtomicLong();
    private final Map<String, Long> expiries = new HashMap<>();
    private final Map<String, Integer> verifications = new HashMap<>();
    private final VerifiedTokens tokens = new VerifiedTokens(this::verify, 100, Duration.ofSeconds(60), wall(), nanos::get);

    @Test
    void aTokenSeenAgainIsNotVerifiedAgainUntilMaxAge() throws Exception {
        expiries.put("alice", START_EPOCH_S + 3600);
        JsonWebToken first = tokens.verify("alice");
        advance(59);
        assertSame(first, tokens.verify("alice"));
        assertEquals(1, verifications.get("alice"));

        advance(2);
        tokens.verify("alice");
        assertEquals(2, verifications.get("alice"), "past max-age it is verified again");
    }

    @Test
    void aTokenIsNeverTakenFromTheCachePastItsOwnExpiry() throws Exception {
        expiries.put("short", START_EPOCH_S + 10);
        tokens.verify("short");
        advance(9);
        tokens.verify("short");
        assertEquals(1, verifications.get("short"));
        advance(2);
        assertThrows(ParseException.class, () -> tokens.verify("short"), "expired: the verifier's answer, not the cache's");
        assertEquals(2, verifications.get("short"));
    }

    @Test
    void aTokenThatFailsIsNotKeptAndFailsEveryTime() {
        assertThrows(ParseException.class, () -> tokens.verify("forged"));
        assertThrows(ParseException.class, () -> tokens.verify("forged"));
        assertEquals(2, verifications.get("forged"));
    }

    private JsonWebToken verify(String token) throws ParseException {
        verifications.merge(token, 1, Integer::sum);
        Long exp = expiries.get(token);
        if (exp == null || exp * 1000 <= wall().millis()) {
            throw new ParseException("invalid or expired token " + token);
        }
        return jwt(token, exp);
    }

    private void advance(long seconds) {
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(seconds));
    }

    private Clock wall() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return Instant.ofEpochSecond(START_EPOCH_S).plusNanos(nanos.get());
            }
        };
    }

    private static JsonWebToken jwt(String name, long exp) {
        return new JsonWebToken() {
            @Override
            public String getName() {
                return name;
            }

            @Override
            public Set<String> getClaimNames() {
                return Set.of("exp", "upn");
            }

            @SuppressWarnings("unchecked")
            @Override
            public <T> T getClaim(String claim) {
                return (T) (claim.equals("exp") ? (Object) exp : claim.equals("upn") ? name : null);
            }
        };
    }
}
