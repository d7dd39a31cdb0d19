package dev.resilient.auth.service;

import dev.resilient.auth.config.AuthConfig;
import dev.resilient.auth.model.Jwk;
import dev.resilient.kit.hash.Hashes;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The RSA key pair tokens are signed with: loaded from {@code auth.private-key-location} and
 * {@code auth.public-key-location} when both are set, otherwise generated (2048 bits) at start-up,
 * so tokens from a previous run no longer verify. Its key id is derived from the public key,
 * so a loaded key keeps its {@code kid} across restarts.
 */
@Startup
@ApplicationScoped
public class SigningKey {

    public static final String ALGORITHM = "RS256";
    static final int MIN_BITS = 2048;
    private static final Logger LOG = Logger.getLogger(SigningKey.class);

    private final PrivateKey privateKey;
    private final RSAPublicKey publicKey;
    private final String kid;

    SigningKey(AuthConfig config) {
        KeyPair pair = load(config.privateKeyLocation(), config.publicKeyLocation());
        if (!(pair.getPublic() instanceof RSAPublicKey rsa)) {
            throw new IllegalStateException("the public key is not an RSA key");
        }
        if (rsa.getModulus().bitLength() < MIN_BITS) {
            throw new IllegalStateException("RS256 needs an RSA key of at least " + MIN_BITS + " bits, got "
                    + rsa.getModulus().bitLength());
        }
        requireMatchingPair(pair);
        this.privateKey = pair.getPrivate();
        this.publicKey = rsa;
        this.kid = keyId(rsa);
        LOG.infof("Signing tokens with %s key kid=%s", config.privateKeyLocation().isPresent() ? "configured" : "generated", kid);
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    public String kid() {
        return kid;
    }

    /** The public half as a JWK: modulus and exponent unsigned big-endian, base64url without padding. */
    public Jwk jwk() {
        return new Jwk("RSA", kid, "sig", ALGORITHM, base64Url(publicKey.getModulus()), base64Url(publicKey.getPublicExponent()));
    }

    /** base64url of the first 8 bytes of the SHA-256 of the public key's X.509 encoding. */
    static String keyId(RSAPublicKey key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(Hashes.sha256(key.getEncoded()), 8));
    }

    private static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length); // drop the sign byte: JWK wants unsigned
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static KeyPair load(Optional<String> privateLocation, Optional<String> publicLocation) {
        if (privateLocation.isPresent() != publicLocation.isPresent()) {
            throw new IllegalStateException("set both auth.private-key-location and auth.public-key-location, or neither");
        }
        if (privateLocation.isPresent()) {
            return new KeyPair(PemKeys.readPublic(Path.of(publicLocation.get())),
                    PemKeys.readPrivate(Path.of(privateLocation.get())));
        }
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
