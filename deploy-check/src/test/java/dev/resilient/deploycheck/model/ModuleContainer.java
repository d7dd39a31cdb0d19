package dev.resilient.deploycheck.model;

import java.util.Map;

/**
 * A Kubernetes container that runs a service module's image.
 *
 * @param workload  the Deployment (or other pod-bearing object) holding it
 * @param container the container spec
 * @param module    the module whose image it runs
 * @param httpPort  the port it listens on: QUARKUS_HTTP_PORT when its env sets one, else the module's
 */
public record ModuleContainer(K8sObject workload, Map<String, Object> container, ServiceModule module, int httpPort) {

    @Override
    public String toString() {
        return workload + " (" + module.name() + ")";
    }
}
