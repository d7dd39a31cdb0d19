package dev.resilient.deploycheck.support;

import static dev.resilient.deploycheck.support.Yaml.at;
import static dev.resilient.deploycheck.support.Yaml.list;
import static dev.resilient.deploycheck.support.Yaml.map;
import static dev.resilient.deploycheck.support.Yaml.string;

import dev.resilient.deploycheck.model.ServiceModule;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** deploy/docker-compose.yml, read as Compose reads it (before variable interpolation). */
public final class Compose {

    private final Suite suite;
    private final Path file;
    private final Map<String, Object> model;

    public Compose(Suite suite) {
        this.suite = suite;
        this.file = suite.deploy().resolve("docker-compose.yml");
        this.model = Yaml.single(file);
    }

    public Path file() {
        return file;
    }

    public String text() {
        return Suite.read(file);
    }

    public Map<String, Object> services() {
        return map(model.get("services"));
    }

    public Map<String, Object> service(String name) {
        return map(services().get(name));
    }

    /** The directory a service is built from, or null for a service that only pulls an image. */
    public Path buildContext(String service) {
        Object build = service(service).get("build");
        String context = build instanceof String s ? s : string(at(build, "context"));
        return context == null ? null : file.getParent().resolve(context).normalize();
    }

    public String dockerfile(String service) {
        Object dockerfile = at(service(service).get("build"), "dockerfile");
        return dockerfile == null ? "Dockerfile" : string(dockerfile);
    }

    public Map<String, String> buildArgs(String service) {
        Map<String, String> args = new LinkedHashMap<>();
        map(at(service(service).get("build"), "args")).forEach((k, v) -> args.put(k, string(v)));
        return args;
    }

    /** The service module a compose service runs: the one it is built from, or whose image it names; else null. */
    public ServiceModule module(String service) {
        Path context = buildContext(service);
        if (context != null) {
            return suite.serviceAt(context);
        }
        String image = image(service);
        return suite.services().stream().filter(m -> image != null && image.startsWith("resilient-suite/" + m.name() + ":"))
                .findFirst().orElse(null);
    }

    /** The HTTP port a module's service listens on: QUARKUS_HTTP_PORT when set, else the module's quarkus.http.port. */
    public int httpPort(String service) {
        String override = environment(service).get("QUARKUS_HTTP_PORT");
        return override != null ? Integer.parseInt(override) : module(service).httpPort();
    }

    /** The compose service built from a module, or null. */
    public String serviceOf(ServiceModule module) {
        return services().keySet().stream().filter(s -> module.equals(module(s))).findFirst().orElse(null);
    }

    public String image(String service) {
        return string(service(service).get("image"));
    }

    /** The environment, whichever form (map or KEY=value list) the file uses. */
    public Map<String, String> environment(String service) {
        Object env = service(service).get("environment");
        Map<String, String> result = new LinkedHashMap<>();
        if (env instanceof Map<?, ?> m) {
            m.forEach((k, v) -> result.put(String.valueOf(k), string(v)));
        } else {
            for (Object item : list(env)) {
                String s = String.valueOf(item);
                int eq = s.indexOf('=');
                result.put(eq < 0 ? s : s.substring(0, eq), eq < 0 ? null : s.substring(eq + 1));
            }
        }
        return result;
    }

    /** The container side of each published port ("6003:6003", "127.0.0.1:6003:6003", or long form). */
    public Set<Integer> containerPorts(String service) {
        Set<Integer> ports = new LinkedHashSet<>();
        for (Object p : list(service(service).get("ports"))) {
            if (p instanceof Map<?, ?> m) {
                ports.add(Integer.parseInt(String.valueOf(m.get("target"))));
            } else {
                String s = String.valueOf(p).replaceAll("/(tcp|udp)$", "");
                ports.add(Integer.parseInt(s.substring(s.lastIndexOf(':') + 1)));
            }
        }
        return ports;
    }

    /** The ports a service listens on: its module's HTTP port, plus what it publishes. */
    public Set<Integer> listeningPorts(String service) {
        Set<Integer> ports = new LinkedHashSet<>(containerPorts(service));
        if (module(service) != null) {
            ports.add(httpPort(service));
        }
        return ports;
    }

    /** The healthcheck command as one string. */
    public String healthCheck(String service) {
        Object test = at(service(service), "healthcheck", "test");
        return test instanceof java.util.List<?> l ? String.join(" ", l.stream().map(String::valueOf).toList()) : string(test);
    }

    /** The command as a list of arguments, whichever form (list or one string) the file uses. */
    public java.util.List<String> command(String service) {
        Object command = service(service).get("command");
        if (command instanceof java.util.List<?> l) {
            return l.stream().map(String::valueOf).toList();
        }
        return command == null ? java.util.List.of() : java.util.List.of(String.valueOf(command).trim().split("\\s+"));
    }

    /**
     * The files and folders of this repository a service mounts: container path to host path (short form
     * {@code ./x:/y[:ro]} or long form {@code type: bind}); named volumes left out.
     */
    public Map<String, Path> bindMounts(String service) {
        Map<String, Path> mounts = new LinkedHashMap<>();
        for (Object v : list(service(service).get("volumes"))) {
            String source;
            String target;
            if (v instanceof Map<?, ?> m) {
                if (!"bind".equals(String.valueOf(m.get("type")))) {
                    continue;
                }
                source = String.valueOf(m.get("source"));
                target = String.valueOf(m.get("target"));
            } else {
                String[] parts = String.valueOf(v).split(":");
                if (parts.length < 2 || !(parts[0].startsWith(".") || parts[0].startsWith("/"))) {
                    continue;
                }
                source = parts[0];
                target = parts[1];
            }
            mounts.put(target, file.getParent().resolve(source).normalize());
        }
        return mounts;
    }

    public Map<String, Object> dependsOn(String service) {
        Object deps = service(service).get("depends_on");
        Map<String, Object> result = new LinkedHashMap<>();
        if (deps instanceof Map<?, ?> m) {
            m.forEach((k, v) -> result.put(String.valueOf(k), v));
        } else {
            list(deps).forEach(d -> result.put(String.valueOf(d), null));
        }
        return result;
    }
}
