package dev.resilient.auth;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.nio.file.Path;
import java.util.Map;

/**
 * Runs the stub on a key file of its own, new for each test JVM (named by the pid: the profile is loaded
 * by more than one class loader), so rotations leave the other tests' key alone.
 */
public class KeyFileProfile implements QuarkusTestProfile {

    static final Path FILE = Path.of("target", "test-key-file-" + ProcessHandle.current().pid(), "signing-key.pem").toAbsolutePath();

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("auth.signing-key.file", FILE.toString(), "auth.token-lifespan", "PT5M");
    }
}
