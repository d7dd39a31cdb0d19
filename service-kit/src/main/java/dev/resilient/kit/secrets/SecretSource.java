package dev.resilient.kit.secrets;

import java.util.List;

/**
 * A CDI bean that names secrets of its service for {@link DevSecretsCheck}; one per kind of secret
 * (the internal token here, auth-stub's user passwords there).
 */
public interface SecretSource {

    List<Secret> secrets();
}
