package dev.resilient.auth.service;

import dev.resilient.auth.config.AuthConfig;
import dev.resilient.auth.model.Jwk;
import dev.resilient.auth.model.KeyRotation;
import dev.resilient.kit.hash.Hashes;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The RSA keys tokens are signed with. Read-only from {@code auth.private-key-location} and
 * {@code auth.public-key-location} when both are set; otherwise kept in {@code auth.signing-key.file},
 * created with a new 2048-bit key when missing, so tokens stay valid across restarts. A rotation
 * signs with a new key from then on and keeps publishing the previous one until the last token it
 * signed has expired. Key ids are derived from the public key, so a key keeps its {@code kid}.
 */
@Startup
@ApplicationScoped
public class SigningKey {

    public static final String ALGORITHM = "RS256";
    static final int MIN_BITS = 2048;
    /** How far a verifier may accept a token past its {@code exp}: MicroProfile JWT's default leeway. */
    static final Duration VERIFIER_CLOCK_SKEW = Duration.ofSeconds(60);
    private static final Logger LOG = Logger.getLogger(SigningKey.class);

    /** The key that signs new tokens, with its key id (read together: a rotation swaps both at once). */
    public record Active(String kid, PrivateKey privateKey) {
    }

    private final Optional<Path> file;
    private final Duration keepRetired;
    private final Clock clock = Clock.systemUTC();
    private volatile KeyRing ring;
    private volatile Active active;

    SigningKey(AuthConfig config) {
        this.keepRetired = config.tokenLifespan().plus(VERIFIER_CLOCK_SKEW);
        if (config.privateKeyLocation().isPresent() || config.publicKeyLocation().isPresent()) {
            this.file = Optional.empty();
            this.ring = KeyRing.of(configured(config.privateKeyLocation(), config.publicKeyLocation()));
        } else {
            this.file = Optional.of(Path.of(config.signingKey().file()));
            this.ring = loadOrCreate(file.get());
        }
        requireStrong((RSAPublicKey) ring.current().getPublic());
        this.active = activeOf(ring);
        LOG.infof("Signing tokens with kid=%s from %s; %d previous key(s) still published", active.kid(),
                file.map(f -> f.toAbsolutePath().toString()).orElse("auth.private-key-location"), ring.retired().size());
    }

    /** The key that signs now. */
    public Active active() {
        return active;
    }

    /** The public keys a verifier needs now: the signing key first, then previous keys whose tokens may still be valid. */
    public List<Jwk> jwks() {
        return ring.published(clock.instant()).stream().map(SigningKey::jwk).toList();
    }

    /** Whether {@link #rotate()} can work: false for a key given by {@code auth.private-key-location}. */
    public boolean rotatable() {
        return file.isPresent();
    }

    /**
     * Signs with a new key from now on, keeps the previous one published for the token lifespan (plus
     * a verifier's clock leeway), and writes both to the key file before using the new key.
     *
     * @throws IllegalStateException when the key is configured ({@link #rotatable()} false)
     * @throws UncheckedIOException  when the key file cannot be written: nothing changed then
     */
    public synchronized KeyRotation rotate() {
        Path target = file.orElseThrow(() -> new IllegalStateException("a configured key (auth.private-key-location) is not rotated"));
        KeyRing next = ring.rotate(generate(), clock.instant(), keepRetired);
        KeyFile.write(target, next);
        String previousKid = active.kid();
        ring = next;
        active = activeOf(next);
        LOG.infof("Rotated the signing key: kid=%s signs, kid=%s stays published until %s", active.kid(), previousKid,
                next.retired().get(0).publishedUntil());
        return new KeyRotation(active.kid(), previousKid, next.retired().get(0).publishedUntil());
    }

    /** The public half as a JWK: modulus and exponent unsigned big-endian, base64url without padding. */
    static Jwk jwk(RSAPublicKey key) {
        return new Jwk("RSA", keyId(key), "sig", ALGORITHM, base64Url(key.getModulus()), base64Url(key.getPublicExponent()));
    }

    /** base64url of the first 8 bytes of the SHA-256 of the public key's X.509 encoding. */
    static String keyId(RSAPublicKey key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(Hashes.sha256(key.getEncoded()), 8));
    }

    private static Active activeOf(KeyRing ring) {
        return new Active(keyId((RSAPublicKey) ring.current().getPublic()), ring.current().getPrivate());
    }

    private static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length); // drop the sign byte: JWK wants unsigned
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The key file's keys; a new key written to it when there is none (the first writer wins a race). */
    private KeyRing loadOrCreate(Path path) {
        Optional<KeyRing> loaded = KeyFile.read(path);
        if (loaded.isPresent()) {
            return loaded.get().stillPublished(clock.instant());
        }
        KeyRing fresh = KeyRing.of(generate());
        try {
            if (KeyFile.create(path, fresh)) {
                LOG.infof("Created the signing key file %s (mode 600)", path.toAbsolutePath());
                return fresh;
            }
        } catch (UncheckedIOException e) {
            throw new IllegalStateException(e.getMessage() + "; set auth.signing-key.file (AUTH_SIGNING_KEY_FILE) to a writable path", e);
        }
        return KeyFile.read(path).orElseThrow(() -> new IllegalStateException("the key file " + path + " vanished while starting"));
    }

    private static KeyPair configured(Optional<String> privateLocation, Optional<String> publicLocation) {
        if (privateLocation.isPresent() != publicLocation.isPresent()) {
            throw new IllegalStateException("set both auth.private-key-location and auth.public-key-location, or neither");
        }
        KeyPair pair = new KeyPair(PemKeys.readPublic(Path.of(publicLocation.get())), PemKeys.readPrivate(Path.of(privateLocation.get())));
        if (!(pair.getPublic() instanceof RSAPublicKey)) {
            throw new IllegalStateException("the public key is not an RSA key");
        }
        requireMatchingPair(pair);
        return pair;
    }

    private static void requireStrong(RSAPublicKey key) {
        if (key.getModulus().bitLength() < MIN_BITS) {
            throw new IllegalStateException("RS256 needs an RSA key of at least " + MIN_BITS + " bits, got " + key.getModulus().bitLength());
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(MIN_BITS);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate an RSA key pair", e);
        }
    }

    /** Signs and verifies a probe, so a private key and a public key of different pairs fail at start-up. */
    private static void requireMatchingPair(KeyPair pair) {
        try {
            byte[] probe = "auth-stub key check".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(pair.getPrivate());
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(pair.getPublic());
            verifier.update(probe);
            if (!verifier.verify(signature)) {
                throw new IllegalStateException("auth.private-key-location and auth.public-key-location are not one key pair");
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot use the RSA key pair: " + e.getMessage(), e);
        }
    }
}
