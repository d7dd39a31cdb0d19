package dev.resilient.kit.secrets;

import jakarta.inject.Singleton;
import java.util.List;

/** Every service of the suite holds the internal token: it is checked everywhere. */
@Singleton
public class InternalTokenSecret implements SecretSource {

    private final InternalTokenConfig config;

    InternalTokenSecret(InternalTokenConfig config) {
        this.config = config;
    }

    @Override
    public List<Secret> secrets() {
        return List.of(new Secret("internal.token", "INTERNAL_TOKEN", config.token(), InternalTokenConfig.DEV_DEFAULT));
    }
}
