package dev.resilient.backend.resilience;

import dev.resilient.backend.config.LlmConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Map;

/**
 * Each downstream's {@link BackoffShape}: each LLM provider's from its configuration
 * ({@code llm.<provider>.backoff-factor}, {@code llm.<provider>.jitter}), every other downstream
 * doubling. Configuration rather than {@code @Retry} keys because MicroProfile's jitter is absolute
 * and {@code @ExponentialBackoff}'s factor an integer.
 */
@ApplicationScoped
public class BackoffShapes {

    private final Map<Downstream, BackoffShape> shapes = new EnumMap<>(Downstream.class);

    BackoffShapes(LlmConfig llm) {
        for (Downstream d : Downstream.values()) {
            shapes.put(d, BackoffShape.DOUBLING);
        }
        shapes.put(Downstream.LLM_PRIMARY, new BackoffShape(llm.primary().backoffFactor(), llm.primary().jitter()));
        shapes.put(Downstream.LLM_SECONDARY, new BackoffShape(llm.secondary().backoffFactor(), llm.secondary().jitter()));
    }

    public BackoffShape of(Downstream d) {
        return shapes.get(d);
    }
}
