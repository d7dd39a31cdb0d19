package dev.resilient.deploycheck.support;

import static dev.resilient.deploycheck.support.Yaml.at;
import static dev.resilient.deploycheck.support.Yaml.list;
import static dev.resilient.deploycheck.support.Yaml.map;
import static dev.resilient.deploycheck.support.Yaml.string;

import dev.resilient.deploycheck.model.K8sObject;
import dev.resilient.deploycheck.model.ModuleContainer;
import dev.resilient.deploycheck.model.ServiceModule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** deploy/k8s: the kustomization and every object its resources hold. */
public final class Kube {

    private final Path dir;
    private final List<K8sObject> objects = new ArrayList<>();
    private final Map<String, Map<String, Path>> generatedFiles = new LinkedHashMap<>();

    private final Suite suite;

    public Kube(Suite suite) {
        this.suite = suite;
        this.dir = suite.deploy().resolve("k8s");
        for (Path file : resourceFiles()) {
            for (Object doc : Yaml.documents(file)) {
                Map<String, Object> body = map(doc);
                objects.add(new K8sObject(file, string(body.get("kind")), string(at(body, "metadata", "name")), body));
            }
        }
        for (Path k : kustomizations()) {
            Map<String, Map<String, Path>> generated = configMapFiles(k);
            generatedFiles.putAll(generated);
            generated.forEach((name, files) -> objects.add(generatedConfigMap(k, name, files)));
        }
    }

    public Path dir() {
        return dir;
    }

    /**
     * The manifest files the kustomization lists under resources, and those of every kustomization folder it
     * lists there (kustomize reads a folder resource as a kustomization of its own), in order.
     */
    public List<Path> resourceFiles() {
        List<Path> files = new ArrayList<>();
        for (Path k : kustomizations()) {
            for (Path r : resources(k)) {
                if (!Files.isDirectory(r)) {
                    files.add(r);
                }
            }
        }
        return files;
    }

    /** deploy/k8s and every kustomization folder listed as a resource, transitively (e.g. deploy/prometheus). */
    public List<Path> kustomizations() {
        List<Path> result = new ArrayList<>();
        collectKustomizations(dir, result);
        return result;
    }

    private void collectKustomizations(Path k, List<Path> result) {
        if (result.contains(k)) {
            return;
        }
        result.add(k);
        for (Path r : resources(k)) {
            if (Files.isDirectory(r)) {
                if (!Files.isRegularFile(r.resolve("kustomization.yaml"))) {
                    throw new AssertionError("resource " + r + " (listed in " + k + "/kustomization.yaml) is a folder without kustomization.yaml");
                }
                collectKustomizations(r, result);
            }
        }
    }

    /** What a kustomization folder lists under resources, resolved against that folder. */
    public static List<Path> resources(Path kustomizationDir) {
        Map<String, Object> k = Yaml.single(kustomizationDir.resolve("kustomization.yaml"));
        return list(k.get("resources")).stream().map(r -> kustomizationDir.resolve(String.valueOf(r)).normalize()).toList();
    }

    /**
     * The files of each ConfigMap a kustomization's configMapGenerator makes: ConfigMap name to (key to file),
     * the key being the {@code key=} prefix of the entry or else the file's name, as kustomize does.
     */
    public static Map<String, Map<String, Path>> configMapFiles(Path kustomizationDir) {
        Map<String, Map<String, Path>> result = new LinkedHashMap<>();
        Map<String, Object> k = Yaml.single(kustomizationDir.resolve("kustomization.yaml"));
        for (Object generator : list(k.get("configMapGenerator"))) {
            Map<String, Path> files = new LinkedHashMap<>();
            for (Object entry : list(at(generator, "files"))) {
                String e = String.valueOf(entry);
                int eq = e.indexOf('=');
                Path file = kustomizationDir.resolve(eq < 0 ? e : e.substring(eq + 1)).normalize();
                files.put(eq < 0 ? file.getFileName().toString() : e.substring(0, eq), file);
            }
            result.put(string(at(generator, "name")), files);
        }
        return result;
    }

    /** The files each generated ConfigMap (any kustomization) is made from: ConfigMap name to (key to file). */
    public Map<String, Map<String, Path>> generatedConfigMapFiles() {
        return generatedFiles;
    }

    /**
     * A generated ConfigMap as a ConfigMap object (its data read from its files; a missing file reads as
     * null, which the tests report). Its name is the generator's: kustomize adds a content hash and renames
     * every reference to match, so references name it without the hash.
     */
    private static K8sObject generatedConfigMap(Path kustomizationDir, String name, Map<String, Path> files) {
        Map<String, Object> data = new LinkedHashMap<>();
        files.forEach((key, file) -> data.put(key, Files.isRegularFile(file) ? Suite.read(file) : null));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("apiVersion", "v1");
        body.put("kind", "ConfigMap");
        body.put("metadata", Map.of("name", name));
        body.put("data", data);
        return new K8sObject(kustomizationDir.resolve("kustomization.yaml"), "ConfigMap", name, body);
    }

    public List<K8sObject> objects() {
        return objects;
    }

    public List<K8sObject> ofKind(String kind) {
        return objects.stream().filter(o -> kind.equals(o.kind())).toList();
    }

    public Optional<K8sObject> find(String kind, String name) {
        return objects.stream().filter(o -> kind.equals(o.kind()) && name.equals(o.name())).findFirst();
    }

    /** Data of a Secret (data and stringData keys) or ConfigMap, by name; empty when not defined. */
    public Optional<Map<String, String>> data(String kind, String name) {
        return find(kind, name).map(o -> {
            Map<String, String> data = new LinkedHashMap<>();
            map(o.body().get("data")).forEach((k, v) -> data.put(k, string(v)));
            map(o.body().get("stringData")).forEach((k, v) -> data.put(k, string(v)));
            return data;
        });
    }

    /** The pod spec of a workload (Deployment, StatefulSet, Job...). */
    public static Map<String, Object> podSpec(K8sObject workload) {
        return map(at(workload.body(), "spec", "template", "spec"));
    }

    public static List<Map<String, Object>> containers(K8sObject workload) {
        List<Map<String, Object>> result = new ArrayList<>();
        Map<String, Object> pod = podSpec(workload);
        for (String key : List.of("containers", "initContainers")) {
            list(pod.get(key)).forEach(c -> result.add(map(c)));
        }
        return result;
    }

    /** Pod-bearing objects. */
    public List<K8sObject> workloads() {
        return objects.stream().filter(o -> !podSpec(o).isEmpty()).toList();
    }

    /**
     * A container's environment with each value resolved: literals as they are, ConfigMap keys to
     * their value, Secret keys to {@code <secret>} (never their value), field refs to {@code <field>}.
     * Unresolvable references resolve to null (other tests report those).
     */
    public Map<String, String> resolvedEnv(Map<String, Object> container) {
        Map<String, String> env = new LinkedHashMap<>();
        for (Object item : list(container.get("env"))) {
            Map<String, Object> e = map(item);
            String name = string(e.get("name"));
            if (e.containsKey("value")) {
                env.put(name, string(e.get("value")));
            } else if (at(e, "valueFrom", "configMapKeyRef") != null) {
                String cm = string(at(e, "valueFrom", "configMapKeyRef", "name"));
                String key = string(at(e, "valueFrom", "configMapKeyRef", "key"));
                env.put(name, data("ConfigMap", cm).map(d -> d.get(key)).orElse(null));
            } else if (at(e, "valueFrom", "secretKeyRef") != null) {
                env.put(name, "<secret>");
            } else {
                env.put(name, "<field>");
            }
        }
        return env;
    }

    /** Every container, in any workload, that runs a service module's image (docker.io/resilient-suite/<module>:...). */
    public List<ModuleContainer> moduleContainers() {
        List<ModuleContainer> result = new ArrayList<>();
        for (K8sObject w : workloads()) {
            for (Map<String, Object> c : containers(w)) {
                String image = String.valueOf(c.get("image"));
                for (ServiceModule m : suite.services()) {
                    if (image.startsWith("docker.io/resilient-suite/" + m.name() + ":")) {
                        String override = resolvedEnv(c).get("QUARKUS_HTTP_PORT");
                        result.add(new ModuleContainer(w, c, m, override != null ? Integer.parseInt(override) : m.httpPort()));
                    }
                }
            }
        }
        return result;
    }
}
