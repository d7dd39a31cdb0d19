package dev.resilient.deploycheck;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.resilient.deploycheck.support.Suite;
import dev.resilient.deploycheck.support.Yaml;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every YAML file under deploy/ is well-formed, and every Kubernetes document says what it is. */
class DeployYamlTest {

    private final Suite suite = Suite.get();

    @Test
    void everyYamlFileUnderDeployParsesIntoMappings() {
        List<Path> files = suite.deployYamlFiles();
        assertTrue(files.size() >= 3, "compose, the kustomization and the manifests: " + files);
        for (Path file : files) {
            List<Object> docs = Yaml.documents(file);
            assertFalse(docs.isEmpty(), file + " holds a document");
            docs.forEach(d -> assertTrue(d instanceof Map, file + ": every document is a mapping"));
        }
    }

    @Test
    void everyKubernetesDocumentHasApiVersionKindAndName() {
        for (Path file : suite.deployYamlFiles()) {
            if (!suite.deploy().relativize(file).startsWith("k8s") || file.getFileName().toString().equals("kustomization.yaml")) {
                continue;
            }
            for (Object doc : Yaml.documents(file)) {
                assertNotNull(Yaml.at(doc, "apiVersion"), file + " apiVersion");
                assertNotNull(Yaml.at(doc, "kind"), file + " kind");
                assertNotNull(Yaml.at(doc, "metadata", "name"), file + " metadata.name");
            }
        }
    }
}
