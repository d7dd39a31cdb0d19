package dev.resilient.deploycheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.resilient.deploycheck.model.ServiceModule;
import dev.resilient.deploycheck.support.Compose;
import dev.resilient.deploycheck.support.Kube;
import dev.resilient.deploycheck.support.Suite;
import dev.resilient.deploycheck.support.Yaml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** deploy/docker-compose.yml refers only to things that exist, and runs what the modules build. */
class ComposeFileTest {

    /** {@code ${VAR}}, {@code ${VAR:-default}}, {@code ${VAR:?error}}; {@code $${...}} is a literal dollar. */
    static final Pattern VARIABLE = Pattern.compile("(?<!\\$)\\$\\{([A-Za-z_][A-Za-z0-9_]*)");
    /** scheme://host:port, with or without a jdbc: prefix. */
    static final Pattern ADDRESS = Pattern.compile("([a-z][a-z0-9+.-]*)://([A-Za-z0-9.-]+)(?::(\\d+))?");

    private final Suite suite = Suite.get();
    private final Compose compose = new Compose(suite);

    @Test
    void everyServiceModuleRunsAsAComposeServiceBuiltFromItsJvmDockerfile() {
        for (ServiceModule m : suite.services()) {
            String service = compose.serviceOf(m);
            assertNotNull(service, m.name() + " is built by some compose service (build.context ../" + m.name() + ")");
            assertEquals("src/main/docker/Dockerfile.jvm", compose.dockerfile(service), service);
        }
    }

    @Test
    void everyBuildContextHoldsItsDockerfileAndLetsItsCopiedFilesIn() {
        for (String service : compose.services().keySet()) {
            Path context = compose.buildContext(service);
            if (context == null) {
                assertNotNull(compose.image(service), service + " has a build or an image");
                continue;
            }
            assertTrue(Files.isDirectory(context), service + ": build context " + context + " exists");
            Path dockerfile = context.resolve(compose.dockerfile(service));
            assertTrue(Files.isRegularFile(dockerfile), service + ": " + dockerfile + " exists");
            List<String> ignore = Suite.read(context.resolve(".dockerignore")).lines().map(String::trim).toList();
            for (String source : DockerfilesTest.copySources(Suite.read(dockerfile), compose.buildArgs(service))) {
                String top = source.startsWith("target/") ? source.substring(0, source.indexOf('/', 7)) : source;
                assertTrue(ignore.contains("!" + top + "/*"),
                        service + ": COPY " + source + " needs '!" + top + "/*' in " + context.getFileName() + "/.dockerignore");
                assertFalse(source.contains("${"), service + ": every build ARG in " + source + " has a value");
            }
        }
    }

    @Test
    void composeTagsEachModuleImageAsTheKubernetesManifestsRunIt() {
        Kube kube = new Kube(suite);
        for (ServiceModule m : suite.services()) {
            String expected = "resilient-suite/" + m.name() + ":" + suite.version();
            assertEquals(expected, compose.image(compose.serviceOf(m)), m.name() + " image in compose");
            assertTrue(kube.workloads().stream().flatMap(w -> Kube.containers(w).stream())
                    .anyMatch(c -> ("docker.io/" + expected).equals(c.get("image"))), expected + " is what Kubernetes runs");
        }
    }

    @Test
    void healthChecksAskForReadinessOnTheServicesOwnPort() {
        for (String service : compose.services().keySet()) {
            String check = compose.healthCheck(service);
            assertNotNull(check, service + " has a healthcheck");
            ServiceModule m = compose.module(service);
            if (m == null) {
                continue;
            }
            assertTrue(m.servesHealth(), m.name() + " has quarkus-smallrye-health, so /q/health/ready exists");
            assertTrue(check.contains("GET /q/health/ready "), service + " asks /q/health/ready: " + check);
            int port = compose.httpPort(service);
            assertTrue(check.contains("/dev/tcp/127.0.0.1/" + port + " "), service + " asks its own port " + port + ": " + check);
        }
    }

    @Test
    void everyModuleServiceIsPublishedOnThePortItListensOn() {
        for (String service : compose.services().keySet()) {
            ServiceModule m = compose.module(service);
            if (m == null) {
                continue;
            }
            assertEquals(Set.of(compose.httpPort(service)), compose.containerPorts(service),
                    service + " publishes the port it listens on (" + m.name() + "'s quarkus.http.port unless QUARKUS_HTTP_PORT)");
            if (compose.buildContext(service) == null) {
                assertEquals(compose.image(compose.serviceOf(m)), compose.image(service), service + " runs the image compose builds");
            }
        }
        for (ServiceModule m : suite.services()) {
            assertEquals(m.httpPort(), compose.httpPort(compose.serviceOf(m)), m.name() + "'s main service keeps its own port");
        }
    }

    @Test
    void addressesNameComposeServicesOnPortsTheyListenOn() {
        for (String service : compose.services().keySet()) {
            compose.environment(service).forEach((name, value) -> {
                Matcher a = ADDRESS.matcher(value == null ? "" : value);
                while (a.find()) {
                    String host = a.group(2);
                    assertTrue(compose.services().containsKey(host), service + " " + name + "=" + value + ": no service " + host);
                    assertNotNull(a.group(3), service + " " + name + "=" + value + ": say the port");
                    assertTrue(compose.listeningPorts(host).contains(Integer.parseInt(a.group(3))),
                            service + " " + name + "=" + value + ": " + host + " listens on " + compose.listeningPorts(host));
                }
            });
        }
    }

    @Test
    void backendGetsEveryDownstreamUrlItReads() {
        ServiceModule backend = suite.service("backend-api");
        Map<String, String> env = compose.environment(compose.serviceOf(backend));
        Set<String> urls = urlVariables(backend);
        assertFalse(urls.isEmpty());
        for (String url : urls) {
            assertTrue(env.containsKey(url), "compose sets the backend's " + url);
        }
    }

    @Test
    void backendRunsItsPostgresqlBuildAgainstPostgresAndRedisAfterEveryDependencyIsHealthy() {
        ServiceModule backend = suite.service("backend-api");
        String service = compose.serviceOf(backend);
        String app = compose.buildArgs(service).get("QUARKUS_APP");
        assertEquals("target/postgresql", app, "the image is built from the PostgreSQL build");
        assertTrue(Suite.read(backend.dir().resolve("pom.xml"))
                .contains("<quarkus.package.output-directory>postgresql</quarkus.package.output-directory>"),
                "backend-api's pom writes the PostgreSQL build to target/postgresql");
        Map<String, String> env = compose.environment(service);
        assertTrue(env.get("QUARKUS_DATASOURCE_JDBC_URL").startsWith("jdbc:postgresql://postgres:"), env.toString());
        assertTrue(env.get("QUARKUS_DATASOURCE_USERNAME") != null && env.get("QUARKUS_DATASOURCE_PASSWORD") != null);
        assertTrue(env.get("QUARKUS_REDIS_HOSTS").startsWith("redis://redis:"), env.toString());
        assertEquals("true", env.get("BACKEND_CACHE_REDIS_ENABLED"), "the shared cache level is on where Redis runs");
        Map<String, Object> deps = compose.dependsOn(service);
        Set<String> called = new LinkedHashSet<>();
        env.values().forEach(value -> {
            Matcher a = ADDRESS.matcher(value == null ? "" : value);
            while (a.find()) {
                called.add(a.group(2));
            }
        });
        Set<String> others = new LinkedHashSet<>(compose.services().keySet());
        others.remove(service);
        others.remove("prometheus"); // it calls the backend, not the other way round
        assertEquals(others, called, "the backend calls every other service but Prometheus");
        for (String other : called) {
            assertEquals("service_healthy", Yaml.at(deps.get(other), "condition"), service + " waits for " + other);
        }
        assertFalse(deps.containsKey("prometheus"), "the backend does not wait for Prometheus");
    }

    @Test
    void variablesComeFromTheEnvFileAndSecretsAreNeverWrittenInline() {
        Properties example = Suite.properties(suite.deploy().resolve(".env.example"));
        Matcher v = VARIABLE.matcher(compose.text());
        Set<String> used = new LinkedHashSet<>();
        while (v.find()) {
            used.add(v.group(1));
        }
        assertTrue(used.contains("INTERNAL_TOKEN"));
        for (String name : used) {
            assertTrue(example.containsKey(name), name + " is used by compose, so deploy/.env.example defines it");
        }
        for (String service : compose.services().keySet()) {
            compose.environment(service).forEach((name, value) -> {
                if (name.equals("INTERNAL_TOKEN") || name.endsWith("PASSWORD")) {
                    assertTrue(value != null && value.matches("\\$\\{[A-Z][A-Z0-9_]*:\\?.+}"),
                            service + " " + name + " comes from the env file, required (${VAR:?...}): " + value);
                }
            });
        }
        example.forEach((name, value) -> {
            if (name.equals("INTERNAL_TOKEN") || String.valueOf(name).endsWith("PASSWORD")) {
                assertTrue(String.valueOf(value).startsWith("CHANGE-ME"), name + " in .env.example is a marked placeholder");
            }
        });
        assertTrue(Suite.read(suite.root().resolve(".gitignore")).lines().anyMatch("deploy/.env"::equals),
                "deploy/.env (the real secrets) is git-ignored");
    }

    @Test
    void servicesGetOnlyEnvironmentVariablesTheyRead() {
        for (String service : compose.services().keySet()) {
            ServiceModule m = compose.module(service);
            if (m == null) {
                continue;
            }
            for (String name : compose.environment(service).keySet()) {
                assertTrue(name.startsWith("QUARKUS_") || m.reads(name),
                        service + " gets " + name + " but " + m.name() + " reads none such; it reads " + m.envNames());
            }
        }
    }

    /** The {@code ${..._URL}} variables a module's application.properties reads (its downstream addresses). */
    static Set<String> urlVariables(ServiceModule m) {
        Set<String> urls = new LinkedHashSet<>();
        Matcher v = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*_URL)[:}]")
                .matcher(Suite.read(m.dir().resolve("src/main/resources/application.properties")));
        while (v.find()) {
            urls.add(v.group(1));
        }
        return urls;
    }
}
