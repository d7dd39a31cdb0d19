package dev.resilient.backend.cache;

import io.smallrye.faulttolerance.api.CircuitBreakerName;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * Redis' policy: 300 ms per command, no retry (a cache miss is cheaper than a wait), opens after
 * 5 failures for 30 s. Every call the cache ({@link RedisLevel}) makes to Redis goes through {@link #call},
 * so Redis has one breaker, named {@code redis}. Override any value with
 * {@code quarkus.fault-tolerance."dev.resilient.backend.cache.RedisGuard/call".<strategy>.<param>}.
 */
@ApplicationScoped
public class RedisGuard {

    /** The breaker's name, for {@code CircuitBreakerMaintenance}. */
    public static final String BREAKER = "redis";

    /**
     * Runs one Redis command under the policy.
     *
     * @return what the command returned
     * @throws org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException at once while the breaker is open
     * @throws org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException when the command takes longer than the timeout
     * @throws RuntimeException whatever the command failed with
     */
    @CircuitBreaker(requestVolumeThreshold = 5, failureRatio = 1.0, delay = 30000, successThreshold = 1)
    @CircuitBreakerName(BREAKER)
    @Timeout(300)
    public <T> T call(Supplier<T> command) {
        return command.get();
    }
}
