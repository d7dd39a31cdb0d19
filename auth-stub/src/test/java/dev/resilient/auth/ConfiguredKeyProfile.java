package dev.resilient.auth;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Map;

/**
 * Runs the stub with a key pair from PEM files (written once per build under {@code target/}, so no
 * private key is ever committed), another issuer and a 5 minute token lifespan.
 */
public class ConfiguredKeyProfile implements QuarkusTestProfile {

    static final Path DIR = Path.of("target", "test-keys");
    static final Path PRIVATE = DIR.resolve("private.pem");
    static final Path PUBLIC = DIR.resolve("public.pem");

    @Override
    public Map<String, String> getConfigOverrides() {
        writeKeysOnce();
        return Map.of(
                "auth.private-key-location", PRIVATE.toAbsolutePath().toString(),
                "auth.public-key-location", PUBLIC.toAbsolutePath().toString(),
                "auth.issuer", "test-issuer",
                "auth.token-lifespan", "PT5M");
    }

    private static synchronized void writeKeysOnce() {
        if (Files.exists(PRIVATE) && Files.exists(PUBLIC)) {
            return;
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Files.createDirectories(DIR);
            Files.writeString(PRIVATE, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
            Files.writeString(PUBLIC, pem("PUBLIC KEY", pair.getPublic().getEncoded()), StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String pem(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }
}
