package dev.resilient.bench;

import io.smallrye.faulttolerance.api.TypedGuard;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The cost of SmallRye Fault Tolerance around one trivial in-memory call (a map read), with the
 * backend's ChromaGuard policy: @Retry(maxRetries 2, delay 1 s, abortOn breaker open / bulkhead full),
 * @CircuitBreaker(5, 1.0, 60 s), @Timeout(15 s), @Bulkhead(10). The same guard object is reused,
 * as the backend's one guard bean per downstream is. The call never fails, so no retry, no wait:
 * what is measured is the bookkeeping of each strategy on the happy path.
 * <ul>
 *   <li>{@code unguarded}: the plain call (the baseline)</li>
 *   <li>{@code guardedFull}: retry + circuit breaker + timeout + bulkhead (the backend's guard)</li>
 *   <li>{@code guardedNoTimeout}: the same without @Timeout (a synchronous timeout arms a timer per call)</li>
 *   <li>{@code guardedBreakerOnly}: the circuit breaker alone (closest to Resilience4j's published ~95 ns figure)</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class GuardedCallBenchmark {

    private final Map<String, String> store = new HashMap<>();
    private String key = "k";

    private TypedGuard<String> full;
    private TypedGuard<String> noTimeout;
    private TypedGuard<String> breakerOnly;

    @Setup
    public void setUp() {
        for (int i = 0; i < 100; i++) {
            store.put("k" + i, "value-" + i);
        }
        key = "k42";
        full = TypedGuard.create(String.class)
                .withRetry().maxRetries(2).delay(1000, ChronoUnit.MILLIS).jitter(0, ChronoUnit.MILLIS)
                    .abortOn(java.util.List.of(CircuitBreakerOpenException.class, BulkheadException.class)).done()
                .withCircuitBreaker().requestVolumeThreshold(5).failureRatio(1.0).delay(60_000, ChronoUnit.MILLIS)
                    .successThreshold(1).done()
                .withTimeout().duration(15_000, ChronoUnit.MILLIS).done()
                .withBulkhead().limit(10).done()
                .build();
        noTimeout = TypedGuard.create(String.class)
                .withRetry().maxRetries(2).delay(1000, ChronoUnit.MILLIS).jitter(0, ChronoUnit.MILLIS)
                    .abortOn(java.util.List.of(CircuitBreakerOpenException.class, BulkheadException.class)).done()
                .withCircuitBreaker().requestVolumeThreshold(5).failureRatio(1.0).delay(60_000, ChronoUnit.MILLIS)
                    .successThreshold(1).done()
                .withBulkhead().limit(10).done()
                .build();
        breakerOnly = TypedGuard.create(String.class)
                .withCircuitBreaker().requestVolumeThreshold(5).failureRatio(1.0).delay(60_000, ChronoUnit.MILLIS)
                    .successThreshold(1).done()
                .build();
    }

    private String read() {
        return store.get(key);
    }

    @Benchmark
    public String unguarded() {
        return read();
    }

    @Benchmark
    public String guardedFull() throws Exception {
        return full.call(this::read);
    }

    @Benchmark
    public String guardedNoTimeout() throws Exception {
        return noTimeout.call(this::read);
    }

    @Benchmark
    public String guardedBreakerOnly() throws Exception {
        return breakerOnly.call(this::read);
    }
}
