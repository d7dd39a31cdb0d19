package dev.resilient.deploycheck.support;

import dev.resilient.deploycheck.model.ServiceModule;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** The repository as the deploy files see it: the modules, their ports, configuration and health endpoints. */
public final class Suite {

    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");
    private static final String SUITE_GROUP = "dev.resilient";

    private static Suite instance;

    private final Path root;
    private final Document rootPom;
    private final Map<String, ServiceModule> services = new LinkedHashMap<>();

    private Suite(Path root) {
        this.root = root;
        this.rootPom = xml(root.resolve("pom.xml"));
        for (String module : modules()) {
            Path props = root.resolve(module).resolve("src/main/resources/application.properties");
            if (!Files.isRegularFile(props)) {
                continue;
            }
            Properties p = properties(props);
            String port = p.getProperty("quarkus.http.port");
            if (port == null) {
                continue;
            }
            Path dir = root.resolve(module);
            services.put(module, new ServiceModule(module, dir, Integer.parseInt(port.trim()), p, envNames(dir),
                    declaresHealth(dir, new LinkedHashSet<>())));
        }
    }

    public static synchronized Suite get() {
        if (instance == null) {
            Path root = Path.of(System.getProperty("suite.root", "..")).toAbsolutePath().normalize();
            if (!Files.isRegularFile(root.resolve("deploy/docker-compose.yml"))) {
                throw new IllegalStateException("suite root not found at " + root + " (set -Dsuite.root)");
            }
            instance = new Suite(root);
        }
        return instance;
    }

    public Path root() {
        return root;
    }

    public Path deploy() {
        return root.resolve("deploy");
    }

    /** The service modules (those with a quarkus.http.port), in reactor order. */
    public List<ServiceModule> services() {
        return List.copyOf(services.values());
    }

    public ServiceModule service(String module) {
        ServiceModule s = services.get(module);
        if (s == null) {
            throw new IllegalArgumentException("no service module " + module);
        }
        return s;
    }

    /** The service module whose directory is {@code dir}, or null. */
    public ServiceModule serviceAt(Path dir) {
        Path normal = dir.toAbsolutePath().normalize();
        return services.values().stream().filter(s -> s.dir().equals(normal)).findFirst().orElse(null);
    }

    /** The root pom's {@code <modules>}. */
    public List<String> modules() {
        return texts(rootPom.getDocumentElement(), "modules", "module");
    }

    public String version() {
        return text(rootPom.getDocumentElement(), "version");
    }

    public Document rootPom() {
        return rootPom;
    }

    /** Every YAML file under deploy/ (the launcher's run directory left out). */
    public List<Path> deployYamlFiles() {
        try (Stream<Path> files = Files.walk(deploy())) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> !deploy().relativize(f).startsWith(".run"))
                    .filter(f -> f.toString().endsWith(".yml") || f.toString().endsWith(".yaml"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- what a module reads and serves ---

    /**
     * Environment variables a module reads, besides the QUARKUS_* forms of every Quarkus key:
     * {@code ${NAME}} in its configuration files and the env forms of @ConfigMapping accessors, in the
     * module and in the suite libraries it depends on.
     */
    private Set<String> envNames(Path moduleDir) {
        Set<String> names = new LinkedHashSet<>();
        for (Path dir : withSuiteDependencies(moduleDir, new LinkedHashSet<>())) {
            for (String file : List.of("src/main/resources/application.properties",
                    "src/main/resources/META-INF/microprofile-config.properties")) {
                Path f = dir.resolve(file);
                if (Files.isRegularFile(f)) {
                    Matcher m = ENV_REFERENCE.matcher(read(f));
                    while (m.find()) {
                        names.add(m.group(1));
                    }
                }
            }
            Path sources = dir.resolve("src/main/java");
            if (!Files.isDirectory(sources)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(sources)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    names.addAll(ConfigMappingNames.of(read(f)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return names;
    }

    /** Whether a module (or a suite library it depends on) declares quarkus-smallrye-health. */
    private boolean declaresHealth(Path moduleDir, Set<Path> seen) {
        for (Path dir : withSuiteDependencies(moduleDir, seen)) {
            for (Element dep : dependencies(dir)) {
                if ("io.quarkus".equals(text(dep, "groupId")) && "quarkus-smallrye-health".equals(text(dep, "artifactId"))
                        && !"test".equals(text(dep, "scope"))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The module and, transitively, the suite libraries (dev.resilient, not test scope) it depends on. */
    private List<Path> withSuiteDependencies(Path moduleDir, Set<Path> seen) {
        List<Path> result = new ArrayList<>();
        if (!seen.add(moduleDir)) {
            return result;
        }
        result.add(moduleDir);
        for (Element dep : dependencies(moduleDir)) {
            if (SUITE_GROUP.equals(text(dep, "groupId")) && !"test".equals(text(dep, "scope"))) {
                Path lib = root.resolve(text(dep, "artifactId"));
                if (Files.isRegularFile(lib.resolve("pom.xml"))) {
                    result.addAll(withSuiteDependencies(lib, seen));
                }
            }
        }
        return result;
    }

    private List<Element> dependencies(Path moduleDir) {
        Element project = xml(moduleDir.resolve("pom.xml")).getDocumentElement();
        List<Element> deps = new ArrayList<>();
        for (Element dependencies : children(project, "dependencies")) {
            deps.addAll(children(dependencies, "dependency"));
        }
        return deps;
    }

    // --- files ---

    public static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Properties properties(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    public static Document xml(Path file) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(false);
            return f.newDocumentBuilder().parse(file.toFile());
        } catch (Exception e) {
            throw new IllegalStateException("cannot parse " + file, e);
        }
    }

    /** Direct child elements with a tag name. */
    public static List<Element> children(Element parent, String tag) {
        List<Element> result = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node n = nodes.item(i);
            if (n instanceof Element e && e.getTagName().equals(tag)) {
                result.add(e);
            }
        }
        return result;
    }

    /** Text of the first direct child with a tag name, or null. */
    public static String text(Element parent, String tag) {
        List<Element> c = children(parent, tag);
        return c.isEmpty() ? null : c.get(0).getTextContent().trim();
    }

    private static List<String> texts(Element parent, String listTag, String itemTag) {
        List<String> result = new ArrayList<>();
        for (Element list : children(parent, listTag)) {
            for (Element item : children(list, itemTag)) {
                result.add(item.getTextContent().trim());
            }
        }
        return result;
    }
}
