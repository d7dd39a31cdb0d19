package dev.resilient.auth.service;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The signing keys at one moment: the key pair that signs new tokens, and the public halves of
 * previous keys, each still published until the last token it signed has expired. Immutable;
 * the time is always passed in, so expiry is tested on a fake clock.
 */
record KeyRing(KeyPair current, List<RetiredKey> retired) {

    /** A previous key: verifies tokens it signed before a rotation, until {@code publishedUntil}. */
    record RetiredKey(RSAPublicKey key, Instant publishedUntil) {
    }

    KeyRing {
        retired = List.copyOf(retired);
    }

    /** A ring with only {@code current}. */
    static KeyRing of(KeyPair current) {
        return new KeyRing(current, List.of());
    }

    /**
     * {@code next} signs from now on; the current key stays published for {@code keep} (the longest a
     * token it signed can still be valid), and retired keys already expired at {@code now} are dropped.
     */
    KeyRing rotate(KeyPair next, Instant now, Duration keep) {
        List<RetiredKey> kept = new ArrayList<>();
        kept.add(new RetiredKey((RSAPublicKey) current.getPublic(), now.plus(keep)));
        kept.addAll(stillPublished(now).retired());
        return new KeyRing(next, kept);
    }

    /** The same ring without the retired keys whose time has passed at {@code now}. */
    KeyRing stillPublished(Instant now) {
        return new KeyRing(current, retired.stream().filter(r -> now.isBefore(r.publishedUntil())).toList());
    }

    /** The keys a verifier needs at {@code now}: the current one first, then retired ones not yet expired. */
    List<RSAPublicKey> published(Instant now) {
        List<RSAPublicKey> keys = new ArrayList<>();
        keys.add((RSAPublicKey) current.getPublic());
        stillPublished(now).retired().forEach(r -> keys.add(r.key()));
        return keys;
    }

    /**
     * The pair of an RSA private key, its public half rebuilt from the modulus and public exponent.
     *
     * @throws IllegalStateException when the key carries no public exponent (not a CRT key)
     */
    static KeyPair pairOf(PrivateKey privateKey) {
        if (!(privateKey instanceof RSAPrivateCrtKey crt)) {
            throw new IllegalStateException("the private key carries no public exponent (not an RSA CRT key)");
        }
        try {
            RSAPublicKeySpec spec = new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent());
            return new KeyPair(KeyFactory.getInstance("RSA").generatePublic(spec), privateKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot derive the public key: " + e.getMessage(), e);
        }
    }
}
