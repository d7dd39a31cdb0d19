package dev.resilient.backend.it;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.resilient.backend.support.ServiceProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The packaged services ({@code java -jar}: the prod profile) refuse to start with a development
 * default secret or a deployment placeholder, and say which key to set. Every other test starts
 * them with the test secrets ({@code Stubs.TOKEN}, {@code Stubs.password}), which they accept.
 */
class DevSecretsRefusalIT {

    static final String DEV_TOKEN = "dev-internal-token-NOT-FOR-PRODUCTION";
    static final Duration EXIT_WITHIN = Duration.ofSeconds(60);

    @Test
    void stubRefusesToStartWithTheDevelopmentInternalToken() throws IOException {
        ServiceProcess billing = new ServiceProcess("billing-stub", Map.of("internal.token", DEV_TOKEN));
        assertRefused(billing, "internal.token", "INTERNAL_TOKEN");
    }

    @Test
    void stubRefusesToStartWithTheChangeMePlaceholderToken() throws IOException {
        ServiceProcess billing = new ServiceProcess("billing-stub", Map.of("internal.token", "CHANGE-ME-placeholder-internal-token"));
        assertRefused(billing, "internal.token", "INTERNAL_TOKEN");
    }

    @Test
    void backendRefusesToStartWithTheDevelopmentInternalToken() throws IOException {
        ServiceProcess backend = new ServiceProcess("backend-api", Map.of("internal.token", DEV_TOKEN,
                "quarkus.datasource.jdbc.url", LocalSuite.freshH2(), "backend.jobs.enabled", "false"));
        assertRefused(backend, "internal.token", "INTERNAL_TOKEN");
    }

    @Test
    void authStubRefusesToStartWithADevelopmentPasswordAndNamesTheUser() throws IOException {
        ServiceProcess auth = new ServiceProcess("auth-stub", Map.of("auth.users.bob.password", "bob-password"));
        String log = assertRefused(auth, "auth.users.bob.password", "AUTH_USERS_BOB_PASSWORD");
        assertTrue(!log.contains("auth.users.alice.password"), "alice has a real password here, so only bob is named:\n" + log);
    }

    @Test
    void authStubRefusesToStartWithTheDevelopmentInternalTokenEvenWithRealPasswords() throws IOException {
        ServiceProcess auth = new ServiceProcess("auth-stub", Map.of("internal.token", DEV_TOKEN));
        assertRefused(auth, "internal.token", "INTERNAL_TOKEN");
    }

    private static String assertRefused(ServiceProcess process, String key, String env) throws IOException {
        int exit = process.runUntilExit(EXIT_WITHIN);
        String log = Files.readString(process.log(), StandardCharsets.UTF_8);
        assertNotEquals(0, exit, "exit code of a refused start:\n" + log);
        assertTrue(log.contains("Refusing to start") && log.contains(key) && log.contains(env),
                "the log names " + key + " and " + env + ":\n" + log);
        return log;
    }
}
