package dev.resilient.deploycheck;

import static dev.resilient.deploycheck.support.Yaml.at;
import static dev.resilient.deploycheck.support.Yaml.list;
import static dev.resilient.deploycheck.support.Yaml.map;
import static dev.resilient.deploycheck.support.Yaml.string;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.resilient.deploycheck.model.K8sObject;
import dev.resilient.deploycheck.model.ModuleContainer;
import dev.resilient.deploycheck.support.Compose;
import dev.resilient.deploycheck.support.Kube;
import dev.resilient.deploycheck.support.Suite;
import dev.resilient.deploycheck.support.Yaml;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Prometheus runs in compose and in Kubernetes with the suite's one copy of the alert rules
 * (deploy/prometheus/alerts.yml) and scrapes every service where it listens: the files each one loads
 * exist and are mounted where its command looks, and every scrape target names a service on a port it
 * listens on. (PrometheusRulesTest checks the files themselves with promtool.)
 */
class PrometheusWiringTest {

    private static final String CONFIG_MAP = "prometheus-config";

    private final Suite suite = Suite.get();
    private final Compose compose = new Compose(suite);
    private final Kube kube = new Kube(suite);
    private final Path prometheusDir = suite.deploy().resolve("prometheus");

    // --- compose ---

    @Test
    void composeRunsAPinnedPrometheusWithItsConfigurationAndEveryRuleFileMountedWhereItLooks() {
        assertTrue(compose.services().containsKey("prometheus"), "compose runs Prometheus");
        assertTrue(compose.image("prometheus").matches("prom/prometheus:v\\d+\\.\\d+\\.\\d+"),
                "a pinned Prometheus release: " + compose.image("prometheus"));
        String config = flag(compose.command("prometheus"), "--config.file");
        Map<String, Path> mounts = compose.bindMounts("prometheus");
        assertEquals(prometheusDir.resolve("prometheus.yml"), mounts.get(config), "compose mounts prometheus.yml at " + config);
        for (String rules : ruleFiles(prometheusDir.resolve("prometheus.yml"))) {
            String target = Path.of(config).getParent().resolve(rules).toString();
            assertEquals(prometheusDir.resolve(rules), mounts.get(target), "rule file " + rules + " is mounted at " + target);
        }
        mounts.values().forEach(p -> assertTrue(p.toFile().isFile(), "mounted " + p + " exists"));
    }

    @Test
    void composeScrapesEveryModuleServiceOnThePortItListensOn() {
        Map<String, Object> config = Yaml.single(prometheusDir.resolve("prometheus.yml"));
        Set<String> scraped = new LinkedHashSet<>();
        for (Object job : list(config.get("scrape_configs"))) {
            assertEquals("/q/metrics", at(job, "metrics_path"), at(job, "job_name") + ": Micrometer's endpoint");
            for (String target : staticTargets(job)) {
                String host = target.substring(0, target.indexOf(':'));
                int port = Integer.parseInt(target.substring(target.indexOf(':') + 1));
                assertTrue(compose.services().containsKey(host), target + ": no compose service " + host);
                assertTrue(compose.listeningPorts(host).contains(port), target + ": " + host + " listens on " + compose.listeningPorts(host));
                scraped.add(host);
            }
        }
        for (String service : compose.services().keySet()) {
            if (compose.module(service) != null) {
                assertTrue(scraped.contains(service), "Prometheus scrapes " + service);
            }
        }
    }

    // --- Kubernetes ---

    @Test
    void kubernetesRunsTheSamePrometheusWithTheGeneratedConfigMapMountedWhereItsCommandLooks() {
        K8sObject deployment = kube.find("Deployment", "prometheus").orElseThrow(() -> new AssertionError("a Prometheus Deployment"));
        List<Map<String, Object>> containers = Kube.containers(deployment);
        assertEquals(1, containers.size());
        Map<String, Object> c = containers.get(0);
        assertEquals(compose.image("prometheus"), c.get("image"), "the Prometheus release compose runs");
        String config = flag(list(c.get("args")).stream().map(String::valueOf).toList(), "--config.file");
        String configDir = Path.of(config).getParent().toString();
        Object mount = list(c.get("volumeMounts")).stream().filter(m -> configDir.equals(at(m, "mountPath"))).findFirst()
                .orElseThrow(() -> new AssertionError("a volume mounted at " + configDir));
        Object volume = list(Kube.podSpec(deployment).get("volumes")).stream()
                .filter(v -> Objects.equals(at(v, "name"), at(mount, "name"))).findFirst().orElseThrow();
        assertEquals(CONFIG_MAP, at(volume, "configMap", "name"), configDir + " holds the ConfigMap " + CONFIG_MAP);

        Map<String, Path> files = kube.generatedConfigMapFiles().get(CONFIG_MAP);
        assertNotNull(files, CONFIG_MAP + " is generated by kustomize from deploy/prometheus (one copy of the rules)");
        assertEquals(prometheusDir.resolve("prometheus-k8s.yml"), files.get(Path.of(config).getFileName().toString()),
                config + " is deploy/prometheus/prometheus-k8s.yml");
        for (String rules : ruleFiles(prometheusDir.resolve("prometheus-k8s.yml"))) {
            assertEquals(prometheusDir.resolve(rules), files.get(rules), "rule file " + rules + " is in " + CONFIG_MAP + ", from deploy/prometheus");
        }
        assertEquals(ruleFiles(prometheusDir.resolve("prometheus.yml")), ruleFiles(prometheusDir.resolve("prometheus-k8s.yml")),
                "compose and Kubernetes load the same rules");
    }

    @Test
    void kubernetesScrapesEveryModuleContainerAndEachBackendReplicaOnItsOwn() {
        Map<String, Object> config = Yaml.single(prometheusDir.resolve("prometheus-k8s.yml"));
        Set<K8sObject> scraped = new LinkedHashSet<>();
        Set<String> jobs = new LinkedHashSet<>();
        for (Object job : list(config.get("scrape_configs"))) {
            jobs.add(string(at(job, "job_name")));
            assertEquals("/q/metrics", at(job, "metrics_path"), at(job, "job_name") + ": Micrometer's endpoint");
            for (String target : staticTargets(job)) {
                String host = target.substring(0, target.indexOf(':'));
                int port = Integer.parseInt(target.substring(target.indexOf(':') + 1));
                K8sObject service = kube.find("Service", host).orElseThrow(() -> new AssertionError(target + ": no Service " + host));
                assertTrue(list(at(service.body(), "spec", "ports")).stream().anyMatch(p -> Objects.equals(at(p, "port"), port)),
                        target + ": " + service + " exposes " + port);
                scraped.add(selected(service));
            }
            for (Object sd : list(at(job, "dns_sd_configs"))) {
                assertEquals("A", at(sd, "type"), "one record per pod");
                for (Object name : list(at(sd, "names"))) {
                    K8sObject service = kube.find("Service", String.valueOf(name))
                            .orElseThrow(() -> new AssertionError("dns_sd name " + name + ": no Service"));
                    assertEquals("None", string(at(service.body(), "spec", "clusterIP")),
                            service + " is headless, so its DNS name has one A record per pod");
                    assertEquals(Boolean.TRUE, at(service.body(), "spec", "publishNotReadyAddresses"),
                            service + " lists pods that are not ready too: their metrics matter most");
                    K8sObject workload = selected(service);
                    Object port = at(sd, "port");
                    assertTrue(Kube.containers(workload).stream().flatMap(c -> list(c.get("ports")).stream())
                            .anyMatch(p -> Objects.equals(at(p, "containerPort"), port)), name + ": " + workload + " listens on " + port);
                    scraped.add(workload);
                }
            }
        }
        for (ModuleContainer mc : kube.moduleContainers()) {
            assertTrue(scraped.contains(mc.workload()), "Prometheus scrapes " + mc);
        }
        K8sObject backend = kube.moduleContainers().stream().filter(mc -> mc.module().name().equals("backend-api")).findFirst()
                .orElseThrow().workload();
        assertTrue(list(config.get("scrape_configs")).stream().anyMatch(job -> !list(at(job, "dns_sd_configs")).isEmpty()
                && list(at(job, "static_configs")).isEmpty()), "the backend's replicas are found by DNS, each its own target");
        assertTrue(scraped.contains(backend));
        Set<String> composeJobs = new LinkedHashSet<>();
        list(Yaml.single(prometheusDir.resolve("prometheus.yml")).get("scrape_configs"))
                .forEach(job -> composeJobs.add(string(at(job, "job_name"))));
        assertEquals(composeJobs, jobs, "the same jobs as in compose, so the alerts and the dashboard read the same labels");
    }

    @Test
    void everyServiceModuleIsScrapedUnderTheSameServiceLabelInComposeAndKubernetes() {
        Set<String> composeLabels = serviceLabels(Yaml.single(prometheusDir.resolve("prometheus.yml")));
        Set<String> kubeLabels = serviceLabels(Yaml.single(prometheusDir.resolve("prometheus-k8s.yml")));
        assertEquals(composeLabels, kubeLabels);
        assertTrue(composeLabels.size() >= suite.services().size(), composeLabels.toString());
    }

    // --- helpers ---

    /** The value of {@code --flag=value} among a command's arguments. */
    private static String flag(List<String> args, String name) {
        return args.stream().filter(a -> a.startsWith(name + "=")).map(a -> a.substring(name.length() + 1)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " in " + args));
    }

    private static List<String> ruleFiles(Path config) {
        List<String> files = list(Yaml.single(config).get("rule_files")).stream().map(String::valueOf).toList();
        assertFalse(files.isEmpty(), config + " loads the alert rules");
        return files;
    }

    private static List<String> staticTargets(Object job) {
        return list(at(job, "static_configs")).stream().flatMap(sc -> list(at(sc, "targets")).stream()).map(String::valueOf).toList();
    }

    /** The service labels a configuration gives its targets: static labels and relabel replacements. */
    private static Set<String> serviceLabels(Map<String, Object> config) {
        Set<String> labels = new LinkedHashSet<>();
        for (Object job : list(config.get("scrape_configs"))) {
            list(at(job, "static_configs")).forEach(sc -> {
                String label = string(at(sc, "labels", "service"));
                if (label != null) {
                    labels.add(label);
                }
            });
            list(at(job, "relabel_configs")).stream().filter(r -> "service".equals(at(r, "target_label")))
                    .forEach(r -> labels.add(string(at(r, "replacement"))));
        }
        return labels;
    }

    /** The one Deployment whose pods a Service selects. */
    private K8sObject selected(K8sObject service) {
        Map<String, Object> selector = map(at(service.body(), "spec", "selector"));
        List<K8sObject> selected = kube.ofKind("Deployment").stream()
                .filter(d -> map(at(d.body(), "spec", "template", "metadata", "labels")).entrySet().containsAll(selector.entrySet()))
                .toList();
        assertEquals(1, selected.size(), service + " selects the pods of one Deployment");
        return selected.get(0);
    }
}
