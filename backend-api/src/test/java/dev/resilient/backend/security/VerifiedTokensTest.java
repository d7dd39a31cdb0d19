package dev.resilient.backend.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.resilient.backend.support.FakeClock;
import io.smallrye.jwt.auth.principal.ParseException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/** The cache of verified tokens on a fake clock (the wall clock and the ticker move together). */
class VerifiedTokensTest {

    private final FakeClock clock = new FakeClock();
    private final long startEpochS = clock.instant().getEpochSecond();
    private final Map<String, Long> expiries = new HashMap<>();
    private final Map<String, Integer> verifications = new HashMap<>();
    private final VerifiedTokens tokens = new VerifiedTokens(this::verify, 100, Duration.ofSeconds(60), clock, clock::read);

    @Test
    void aTokenSeenAgainIsNotVerifiedAgainUntilMaxAge() throws Exception {
        expiries.put("alice", startEpochS + 3600);
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
        expiries.put("short", startEpochS + 10);
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
        if (exp == null || exp * 1000 <= clock.millis()) {
            throw new ParseException("invalid or expired token " + token);
        }
        return jwt(token, exp);
    }

    private void advance(long seconds) {
        clock.advance(Duration.ofSeconds(seconds));
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
