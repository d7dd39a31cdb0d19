package dev.resilient.backend.support;

import java.util.Map;

/** Runs the real filesystem-stub jar for the backend's tests. */
public class FilesystemStubResource extends StubResource {

    @Override
    String module() {
        return "filesystem-stub";
    }

    @Override
    Map<String, String> backendConfig(ServiceProcess stub) {
        return Map.of("quarkus.rest-client.filesystem.url", stub.url());
    }

    @Override
    Map<String, String> stubProperties() {
        return Map.of("filesystem.data-dir", "target/test-filesystem-" + System.nanoTime());
    }
}
