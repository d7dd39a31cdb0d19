package dev.resilient.deploycheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.resilient.deploycheck.model.ServiceModule;
import dev.resilient.deploycheck.support.Suite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** The container files of every service module, laid out as the Quarkus generator makes them. */
class DockerfilesTest {

    private static final Pattern EXPOSE = Pattern.compile("(?m)^EXPOSE\\s+(\\d+)");
    private static final Pattern FROM = Pattern.compile("(?m)^FROM\\s+(\\S+)");
    private static final Pattern ARG = Pattern.compile("(?m)^ARG\\s+(\\w+)=(\\S+)");
    private static final Pattern COPY = Pattern.compile("(?m)^COPY\\s+(?:--\\S+\\s+)*(\\S+)\\s+\\S+$");

    private final Suite suite = Suite.get();

    @Test
    void everyServiceModuleHasAJvmDockerfileOnUbi9OpenJdk17CopyingItsQuarkusApp() {
        for (ServiceModule m : suite.services()) {
            String dockerfile = Suite.read(jvm(m));
            assertEquals(List.of("registry.access.redhat.com/ubi9/openjdk-17"), froms(dockerfile).stream()
                    .map(f -> f.substring(0, f.lastIndexOf(':'))).toList(), m.name() + ": JVM base image");
            List<String> sources = copySources(dockerfile);
            assertEquals(List.of("target/quarkus-app/lib/", "target/quarkus-app/*.jar", "target/quarkus-app/app/",
                    "target/quarkus-app/quarkus/"), sources, m.name() + ": the four fast-jar layers (ARG defaults applied)");
            assertTrue(dockerfile.contains("ENTRYPOINT [ \"/opt/jboss/container/java/run/run-java.sh\" ]"), m.name());
            assertTrue(dockerfile.contains("-Dquarkus.http.host=0.0.0.0"), m.name() + ": listens on all interfaces");
        }
    }

    @Test
    void everyServiceModuleHasANativeDockerfileOnTheUbi9QuarkusMicroImage() {
        for (ServiceModule m : suite.services()) {
            Path path = m.dir().resolve("src/main/docker/Dockerfile.native");
            assertTrue(Files.isRegularFile(path), m.name() + " has " + m.dir().relativize(path));
            String dockerfile = Suite.read(path);
            assertEquals(List.of("quay.io/quarkus/ubi9-quarkus-micro-image:2.0"), froms(dockerfile), m.name());
            assertEquals(List.of("target/*-runner"), copySources(dockerfile), m.name() + ": copies the native executable");
            assertTrue(dockerfile.contains("ENTRYPOINT [\"./application\", \"-Dquarkus.http.host=0.0.0.0\"]"), m.name());
        }
    }

    @Test
    void bothDockerfilesExposeTheModulesHttpPort() {
        for (ServiceModule m : suite.services()) {
            for (String kind : List.of("jvm", "native")) {
                String dockerfile = Suite.read(m.dir().resolve("src/main/docker/Dockerfile." + kind));
                List<Integer> exposed = new ArrayList<>();
                Matcher e = EXPOSE.matcher(dockerfile);
                while (e.find()) {
                    exposed.add(Integer.parseInt(e.group(1)));
                }
                assertEquals(List.of(m.httpPort()), exposed, m.name() + " Dockerfile." + kind + " EXPOSE vs quarkus.http.port");
            }
        }
    }

    @Test
    void dockerignoreLetsEachDockerfilesInputsIntoTheBuildContext() {
        for (ServiceModule m : suite.services()) {
            Path ignore = m.dir().resolve(".dockerignore");
            assertTrue(Files.isRegularFile(ignore), m.name() + " has a .dockerignore");
            List<String> lines = Suite.read(ignore).lines().map(String::trim).toList();
            assertEquals("*", lines.get(0), m.name() + ": everything else stays out of the context");
            assertTrue(lines.contains("!target/quarkus-app/*"), m.name() + ": target/quarkus-app is let in");
            assertTrue(lines.contains("!target/*-runner"), m.name() + ": the native executable is let in");
        }
    }

    @Test
    void nativeProfileEnablesNativeBuildsAndTheirIntegrationTests() {
        Element profile = null;
        for (Element profiles : Suite.children(suite.rootPom().getDocumentElement(), "profiles")) {
            for (Element p : Suite.children(profiles, "profile")) {
                if ("native".equals(Suite.text(p, "id"))) {
                    profile = p;
                }
            }
        }
        assertTrue(profile != null, "the root pom has a profile with id native");
        Element properties = Suite.children(profile, "properties").get(0);
        assertEquals("true", Suite.text(properties, "quarkus.native.enabled"));
        assertEquals("false", Suite.text(properties, "skipITs"));
        Element activation = Suite.children(profile, "activation").get(0);
        assertEquals("native", Suite.text(Suite.children(activation, "property").get(0), "name"), "-Dnative activates it");
        assertEquals("true", Suite.text(Suite.children(suite.rootPom().getDocumentElement(), "properties").get(0), "skipITs"),
                "integration tests stay off by default outside the modules that opt in");
    }

    static Path jvm(ServiceModule m) {
        Path path = m.dir().resolve("src/main/docker/Dockerfile.jvm");
        assertTrue(Files.isRegularFile(path), m.name() + " has " + m.dir().relativize(path));
        return path;
    }

    static List<String> froms(String dockerfile) {
        List<String> result = new ArrayList<>();
        Matcher m = FROM.matcher(dockerfile);
        while (m.find()) {
            result.add(m.group(1));
        }
        assertFalse(result.isEmpty(), "a FROM line");
        return result;
    }

    /** COPY sources, ${ARG} replaced by the build args given, else by the ARG defaults. */
    static List<String> copySources(String dockerfile, Map<String, String> buildArgs) {
        Map<String, String> args = new java.util.HashMap<>();
        Matcher a = ARG.matcher(dockerfile);
        while (a.find()) {
            args.put(a.group(1), a.group(2));
        }
        args.putAll(buildArgs);
        List<String> result = new ArrayList<>();
        Matcher c = COPY.matcher(dockerfile);
        while (c.find()) {
            String source = c.group(1);
            for (Map.Entry<String, String> arg : args.entrySet()) {
                source = source.replace("${" + arg.getKey() + "}", arg.getValue());
            }
            result.add(source);
        }
        return result;
    }

    static List<String> copySources(String dockerfile) {
        return copySources(dockerfile, Map.of());
    }
}
