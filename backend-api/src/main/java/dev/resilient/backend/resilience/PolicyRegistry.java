package dev.resilient.backend.resilience;

import io.quarkus.arc.All;
import io.quarkus.arc.InstanceHandle;
import io.smallrye.faulttolerance.FaultToleranceOperationProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import dev.resilient.backend.config.BackendConfig;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The policy SmallRye applies to every downstream, read once from SmallRye's own resolution, with its backoff's shape. */
@ApplicationScoped
public class PolicyRegistry {

    private final Map<Downstream, EffectivePolicy> policies = new EnumMap<>(Downstream.class);
    private final Map<Downstream, Map<String, Long>> operationTimeouts = new EnumMap<>(Downstream.class);

    @Inject
    PolicyRegistry(@All List<InstanceHandle<DownstreamGuard>> guards, FaultToleranceOperationProvider operations,
            BackoffShapes shapes, BackendConfig config) {
        for (Downstream d : Downstream.values()) {
            operationTimeouts.put(d, Map.of());
        }
        Map<String, Long> filesystem = new LinkedHashMap<>();
        filesystem.put("fulltext-search", config.search().fulltextTimeout().toMillis());
        filesystem.put("history-save", config.chat().historySaveTimeout().toMillis());
        operationTimeouts.put(Downstream.FILESYSTEM, Collections.unmodifiableMap(filesystem));
        for (InstanceHandle<DownstreamGuard> guard : guards) {
            Downstream d = guard.get().downstream();
            policies.put(d, EffectivePolicy.of(guard.getBean().getBeanClass(), operations, shapes.of(d)));
        }
        for (Downstream d : Downstream.values()) {
            if (!policies.containsKey(d)) {
                throw new IllegalStateException("no DownstreamGuard bean for " + d.key());
            }
        }
    }

    /**
     * Exactly {@code policies}, with no operation timeouts of their own: a seam for plain unit tests
     * of the classes that read the policies ({@code RetryWithTooLittleTimeLeftTest} on {@link CallRecorder}).
     * The constructor above cannot be called outside the container: it reads the policies from
     * SmallRye's resolution of every guard bean's annotations ({@link FaultToleranceOperationProvider},
     * ArC's bean handles), which only a running application has. The container never calls this one
     * (the {@code @Inject} constructor is the injection point), so production behaviour is unchanged.
     */
    PolicyRegistry(Map<Downstream, EffectivePolicy> policies) {
        for (Downstream d : Downstream.values()) {
            operationTimeouts.put(d, Map.of());
        }
        this.policies.putAll(policies);
    }

    public EffectivePolicy get(Downstream d) {
        return policies.get(d);
    }

    /**
     * The per-attempt timeouts of single operations of {@code d}, below its policy's, by name
     * ({@code backend.search.fulltext-timeout}, {@code backend.chat.history-save-timeout}); empty for most.
     */
    public Map<String, Long> operationTimeoutsMs(Downstream d) {
        return operationTimeouts.get(d);
    }
}
