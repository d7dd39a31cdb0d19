package dev.resilient.backend.resilience;

/**
 * How a downstream's waits between attempts grow: each wait is {@code factor} times the previous,
 * then moved by up to {@code jitter} of itself either way (seed 004's {@code backoff_factor} and
 * {@code jitter}). The first wait is the {@code @Retry} delay.
 */
public record BackoffShape(double factor, double jitter) {

    /** The seeds' doubling (1 s, 2 s, 4 s ...), no jitter: every downstream but the LLMs. */
    public static final BackoffShape DOUBLING = new BackoffShape(2, 0);

    /** Seed 004's ResilientLLMClient defaults: factor 1.5, jitter 0.2. */
    public static final BackoffShape LLM_DEFAULT = new BackoffShape(1.5, 0.2);

    public BackoffShape {
        if (factor < 1 || jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("backoff factor must be at least 1 and jitter in [0, 1): " + factor + ", " + jitter);
        }
    }
}
