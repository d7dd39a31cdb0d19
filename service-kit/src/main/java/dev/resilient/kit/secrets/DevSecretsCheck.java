package dev.resilient.kit.secrets;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Refuses to start outside development and tests while a secret still holds its marked
 * development default (or a deployment file's {@code CHANGE-ME} placeholder): the error names each
 * key and the environment variable that sets it, and the process exits non-zero. In the
 * {@code dev} and {@code test} profiles the defaults are allowed, with a warning. {@code java -jar}
 * runs the {@code prod} profile, so a packaged service never serves with a well-known secret.
 */
@ApplicationScoped
public class DevSecretsCheck {

    private static final Logger LOG = Logger.getLogger(DevSecretsCheck.class);

    void onStart(@Observes StartupEvent event, @Any Instance<SecretSource> sources) {
        check(sources.stream().flatMap(s -> s.secrets().stream()).toList(), ConfigUtils.getProfiles());
    }

    /** @throws IllegalStateException outside the dev and test profiles when a secret is unusable */
    static void check(List<Secret> secrets, List<String> profiles) {
        List<Secret> unusable = secrets.stream().filter(Secret::unusableInProduction).toList();
        if (unusable.isEmpty()) {
            return;
        }
        String keys = unusable.stream().map(Secret::key).collect(Collectors.joining(", "));
        if (profiles.contains("dev") || profiles.contains("test")) {
            LOG.warnf("Development default secrets in use (%s): fine for dev and test only", keys);
            return;
        }
        String message = "Refusing to start: " + keys + (unusable.size() == 1 ? " still holds its" : " still hold their")
                + " development default or placeholder value, which is public. Set "
                + unusable.stream().map(s -> s.env() + " (key " + s.key() + ")").collect(Collectors.joining(", "))
                + " to a secret value (e.g. openssl rand -hex 32) in the environment or configuration. Active profiles: "
                + profiles + "; the development defaults are accepted in the dev and test profiles only.";
        LOG.error(message);
        throw new IllegalStateException(message);
    }
}
