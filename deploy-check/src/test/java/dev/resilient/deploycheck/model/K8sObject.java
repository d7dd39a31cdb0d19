package dev.resilient.deploycheck.model;

import java.nio.file.Path;
import java.util.Map;

/** One document of a Kubernetes manifest file. */
public record K8sObject(Path file, String kind, String name, Map<String, Object> body) {

    @Override
    public String toString() {
        return kind + "/" + name + " (" + file.getFileName() + ")";
    }
}
