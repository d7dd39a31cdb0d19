package dev.resilient.auth.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyRingTest {

    private static final Duration KEEP = Duration.ofMinutes(61);
    private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");

    private static KeyPair newKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    @Test
    void aRotationSignsWithTheNewKeyAndPublishesThePreviousOneUntilItsTokensExpired() throws Exception {
        KeyPair first = newKey();
        KeyPair second = newKey();
        KeyRing ring = KeyRing.of(first).rotate(second, T0, KEEP);

        assertSame(second, ring.current());
        assertEquals(List.of(second.getPublic(), first.getPublic()), ring.published(T0));
        assertEquals(List.of(second.getPublic(), first.getPublic()), ring.published(T0.plus(KEEP).minusSeconds(1)));
        assertEquals(List.of(second.getPublic()), ring.published(T0.plus(KEEP)));
    }

    @Test
    void eachPreviousKeyExpiresOnItsOwnAndARotationDropsThoseAlreadyExpired() throws Exception {
        KeyPair a = newKey();
        KeyPair b = newKey();
        KeyPair c = newKey();
        KeyPair d = newKey();
        KeyRing ring = KeyRing.of(a).rotate(b, T0, KEEP).rotate(c, T0.plus(Duration.ofMinutes(30)), KEEP);

        assertEquals(List.of(c.getPublic(), b.getPublic(), a.getPublic()), ring.published(T0.plus(Duration.ofMinutes(60))));
        assertEquals(List.of(c.getPublic(), b.getPublic()), ring.published(T0.plus(Duration.ofMinutes(61))));

        KeyRing later = ring.rotate(d, T0.plus(Duration.ofMinutes(62)), KEEP);
        assertEquals(List.of(c.getPublic(), b.getPublic()), later.retired().stream().map(KeyRing.RetiredKey::key).toList(),
                "a's time had passed: it is not carried into the key file again");
        assertEquals(T0.plus(Duration.ofMinutes(62)).plus(KEEP), later.retired().get(0).publishedUntil());
    }

    @Test
    void thePublicHalfIsRebuiltFromThePrivateKey() throws Exception {
        KeyPair pair = newKey();
        RSAPublicKey rebuilt = (RSAPublicKey) KeyRing.pairOf(pair.getPrivate()).getPublic();
        assertEquals(pair.getPublic(), rebuilt);
    }
}
