package dev.resilient.backend.resilience;

import java.time.Instant;

/**
 * A downstream's failure counters at one moment, as {@link DownstreamStats} keeps them: failures in
 * a row (reset by a success), the last failure and its error, the last breaker state change.
 */
public record DownstreamCounters(int consecutiveFailures, Instant lastFailure, String lastError, Instant lastStateChange) {
}
