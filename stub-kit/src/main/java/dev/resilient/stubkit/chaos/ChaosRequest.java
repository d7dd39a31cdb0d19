package dev.resilient.stubkit.chaos;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Body of {@code PUT /_chaos}: every field but {@code mode} is optional.
 * {@link #toSpec()} applies the defaults and rejects out-of-range values.
 */
public record ChaosRequest(
        FaultMode mode,
        Integer status,
        @JsonProperty("latency_ms") Long latencyMs,
        @JsonProperty("jitter_ms") Long jitterMs,
        Double probability,
        String path,
        @JsonProperty("duration_s") Double durationS,
        String phase,
        Integer times) {

    static final long MAX_LATENCY_MS = 600_000;
    static final double MAX_DURATION_S = 86_400;

    /**
     * @return the fault with defaults applied ({@code status} 500, {@code latency_ms} 1000 for
     *         {@code slow}, {@code probability} 0.5 for {@code flaky} and 1 otherwise)
     * @throws IllegalArgumentException naming the first invalid field
     */
    public FaultSpec toSpec() {
        if (mode == null) {
            throw new IllegalArgumentException("mode is required");
        }
        int effectiveStatus = status == null ? 500 : status;
        if (effectiveStatus < 400 || effectiveStatus > 599) {
            throw new IllegalArgumentException("status must be between 400 and 599");
        }
        long latency = latencyMs == null ? (mode == FaultMode.SLOW ? 1000 : 0) : latencyMs;
        if (latency < 0 || latency > MAX_LATENCY_MS) {
            throw new IllegalArgumentException("latency_ms must be between 0 and " + MAX_LATENCY_MS);
        }
        long jitter = jitterMs == null ? 0 : jitterMs;
        if (jitter < 0 || jitter > MAX_LATENCY_MS) {
            throw new IllegalArgumentException("jitter_ms must be between 0 and " + MAX_LATENCY_MS);
        }
        double p = probability == null ? (mode == FaultMode.FLAKY ? 0.5 : 1.0) : probability;
        if (Double.isNaN(p) || p < 0 || p > 1) {
            throw new IllegalArgumentException("probability must be between 0 and 1");
        }
        if (path != null && (!path.startsWith("/") || path.length() > 512)) {
            throw new IllegalArgumentException("path must be a prefix starting with '/'");
        }
        if (durationS != null && (durationS.isNaN() || durationS <= 0 || durationS > MAX_DURATION_S)) {
            throw new IllegalArgumentException("duration_s must be greater than 0 and at most " + MAX_DURATION_S);
        }
        String effectivePhase = phase == null ? FaultSpec.PHASE_REQUEST : phase;
        if (!effectivePhase.equals(FaultSpec.PHASE_REQUEST) && !effectivePhase.equals(FaultSpec.PHASE_RESPONSE)) {
            throw new IllegalArgumentException("phase must be 'request' or 'response'");
        }
        if (effectivePhase.equals(FaultSpec.PHASE_RESPONSE) && mode != FaultMode.RESET) {
            throw new IllegalArgumentException("phase 'response' applies to the reset mode only");
        }
        if (times != null && (times < 1 || times > 1_000_000)) {
            throw new IllegalArgumentException("times must be between 1 and 1000000");
        }
        return new FaultSpec(mode, effectiveStatus, latency, jitter, p, path, durationS, effectivePhase, times);
    }
}
