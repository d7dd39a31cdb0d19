package dev.resilient.backend.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;

/**
 * The RSA key pair the tests' auth-stub signs with (generated per test run, written as PEM under
 * target/, never committed), so a test can mint tokens the backend verifies: an expired one that
 * is otherwise valid, say.
 */
public final class TestSigningKey {

    private static final KeyPair KEYS = generate();
    private static final Path DIR = Path.of("target", "test-auth-keys-" + ProcessHandle.current().pid()).toAbsolutePath();

    private TestSigningKey() {
    }

    /** auth-stub's configuration that makes it sign with this key pair. */
    static Map<String, String> authStubProperties() {
        try {
            Files.createDirectories(DIR);
            Path privateKey = DIR.resolve("private.pem");
            Path publicKey = DIR.resolve("public.pem");
            Files.writeString(privateKey, pem("PRIVATE KEY", KEYS.getPrivate().getEncoded()));
            Files.writeString(publicKey, pem("PUBLIC KEY", KEYS.getPublic().getEncoded()));
            return Map.of("auth.private-key-location", privateKey.toString(), "auth.public-key-location", publicKey.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A token with {@code header} (a real token's, so the {@code kid} matches) and {@code payloadJson},
     * signed RS256 with auth-stub's key: valid in every respect but what the payload says.
     */
    public static String sign(String header, String payloadJson) {
        String signingInput = header + "." + b64(payloadJson.getBytes(StandardCharsets.UTF_8));
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(KEYS.getPrivate());
            rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + b64(rs256.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
