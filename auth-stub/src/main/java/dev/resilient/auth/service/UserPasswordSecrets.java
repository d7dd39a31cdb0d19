package dev.resilient.auth.service;

import dev.resilient.auth.config.AuthConfig;
import dev.resilient.kit.secrets.Secret;
import dev.resilient.kit.secrets.SecretSource;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Locale;

/**
 * The users' passwords are secrets: the development default of user {@code <name>} is
 * {@code <name>-password} (application.properties), refused outside dev and test by service-kit's
 * {@code DevSecretsCheck}. Set {@code AUTH_USERS_<NAME>_PASSWORD} ({@code auth.users.<name>.password}).
 */
@Singleton
public class UserPasswordSecrets implements SecretSource {

    private final AuthConfig config;

    UserPasswordSecrets(AuthConfig config) {
        this.config = config;
    }

    /** The development default password of a user. */
    public static String devDefault(String user) {
        return user + "-password";
    }

    @Override
    public List<Secret> secrets() {
        return config.users().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .map(e -> new Secret("auth.users." + e.getKey() + ".password",
                        "AUTH_USERS_" + e.getKey().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_") + "_PASSWORD",
                        e.getValue().password(), devDefault(e.getKey())))
                .toList();
    }
}
