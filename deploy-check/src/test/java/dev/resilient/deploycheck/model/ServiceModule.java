package dev.resilient.deploycheck.model;

import dev.resilient.deploycheck.support.ConfigMappingNames;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;

/**
 * One runnable module of the suite (it has a {@code quarkus.http.port}).
 *
 * @param name        the Maven module (directory) name, e.g. {@code chroma-stub}
 * @param dir         its directory
 * @param httpPort    {@code quarkus.http.port} from its application.properties
 * @param properties  its application.properties
 * @param envNames    the environment variables it reads: {@code ${NAME}} references in its
 *                    configuration and the env forms of its {@code @ConfigMapping} keys (its own and
 *                    those of the suite libraries it depends on; {@code *} stands for a map key,
 *                    as in {@code AUTH_USERS_*_PASSWORD})
 * @param servesHealth whether quarkus-smallrye-health is on its classpath (directly or through a
 *                    suite library), i.e. whether {@code /q/health/live|ready|started} exist
 */
public record ServiceModule(String name, Path dir, int httpPort, Properties properties, Set<String> envNames,
        boolean servesHealth) {

    /** Whether it reads the environment variable {@code name} (a map key matching a {@code *}). */
    public boolean reads(String name) {
        return ConfigMappingNames.matches(envNames, name);
    }
}
