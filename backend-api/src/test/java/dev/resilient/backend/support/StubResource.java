package dev.resilient.backend.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Shared lifecycle of the per-stub test resources: start the jar, point the backend at it. */
abstract class StubResource implements QuarkusTestResourceLifecycleManager {

    private ServiceProcess process;

    /** The stub's module directory, e.g. {@code chroma-stub}. */
    abstract String module();

    /** The backend configuration that points at the stub. */
    abstract Map<String, String> backendConfig(ServiceProcess stub);

    /** The name tests use for it ({@link Stubs#get}); the module name unless two processes share a module. */
    String name() {
        return module();
    }

    Map<String, String> stubProperties() {
        return Map.of();
    }

    @Override
    public Map<String, String> start() {
        process = new ServiceProcess(module(), stubProperties());
        process.start();
        Stubs.register(name(), process);
        Map<String, String> config = new java.util.HashMap<>(backendConfig(process));
        config.put("internal.token", Stubs.TOKEN); // the backend under test sends what the stubs expect
        return config;
    }

    @Override
    public void stop() {
        if (process != null) {
            process.stop();
        }
    }
}
