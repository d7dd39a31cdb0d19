package dev.resilient.kit.secrets;

/**
 * One configured secret and its marked development default, for {@link DevSecretsCheck}.
 *
 * @param key        the configuration key, e.g. {@code internal.token}
 * @param env        the environment variable that sets it, e.g. {@code INTERNAL_TOKEN}
 * @param value      the value in force
 * @param devDefault the development default it must not keep outside dev and test
 */
public record Secret(String key, String env, String value, String devDefault) {

    /** The prefix of the placeholders in deploy/.env.example and the Kubernetes Secret. */
    public static final String PLACEHOLDER_PREFIX = "CHANGE-ME";

    /** Still the development default, or a deployment file's placeholder never replaced. */
    public boolean unusableInProduction() {
        return value == null || value.isBlank() || value.equals(devDefault) || value.startsWith(PLACEHOLDER_PREFIX);
    }
}
