package dev.resilient.deploycheck.support;

import static dev.resilient.deploycheck.support.Yaml.at;
import static dev.resilient.deploycheck.support.Yaml.list;
import static dev.resilient.deploycheck.support.Yaml.map;
import static dev.resilient.deploycheck.support.Yaml.string;

import dev.resilient.deploycheck.model.K8sObject;
import dev.resilient.deploycheck.model.ModuleContainer;
import dev.resilient.deploycheck.model.ServiceModule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** deploy/k8s: the kustomization and every object its resources hold. */
public final class Kube {

    private final Path dir;
    private final Map<String, Object> kustomization;
    private final List<K8sObject> objects = new ArrayList<>();

    private final Suite suite;

    public Kube(Suite suite) {
        this.suite = suite;
        this.dir = suite.deploy().resolve("k8s");
        this.kustomization = Yaml.single(dir.resolve("kustomization.yaml"));
        for (Path file : resourceFiles()) {
            for (Object doc : Yaml.documents(file)) {
                Map<String, Object> body = map(doc);
                objects.add(new K8sObject(file, string(body.get("kind")), string(at(body, "metadata", "name")), body));
            }
        }
    }

    public Path dir() {
        return dir;
    }

    public Map<String, Object> kustomization() {
        return kustomization;
    }

    /** The files the kustomization lists under resources. */
    public List<Path> resourceFiles() {
        return list(kustomization.get("resources")).stream().map(r -> dir.resolve(String.valueOf(r)).normalize()).toList();
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
