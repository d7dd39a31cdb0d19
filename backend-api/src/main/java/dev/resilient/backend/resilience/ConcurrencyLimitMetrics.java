package dev.resilient.backend.resilience;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Function;

/**
 * Every downstream's adaptive concurrency (tag {@code downstream}): gauges {@code downstream.concurrency.limit}
 * (Prometheus {@code downstream_concurrency_limit}) and {@code downstream.concurrency.inflight}
 * ({@code downstream_concurrency_inflight}), counter {@code downstream.concurrency.rejections}
 * ({@code downstream_concurrency_rejections_total}): calls refused at the limit and sent to their fallback, and
 * counter {@code downstream.concurrency.slow.ignored} ({@code downstream_concurrency_slow_ignored_total}): slow
 * answers that left the limit as it was because the backend was past its own capacity while they ran.
 * A scrape reads the limiters' counters only.
 */
@Startup
@ApplicationScoped
public class ConcurrencyLimitMetrics {

    ConcurrencyLimitMetrics(ConcurrencyLimits limits, MeterRegistry registry) {
        for (Downstream d : Downstream.values()) {
            gauge(registry, "downstream.concurrency.limit", d, limits, s -> s.limit(),
                    "Calls allowed in flight to the downstream now (adaptive, AIMD)");
            gauge(registry, "downstream.concurrency.inflight", d, limits, s -> s.inFlight(),
                    "Calls in flight to the downstream now (counted while the adaptive limit is on)");
            FunctionCounter.builder("downstream.concurrency.rejections", limits, l -> l.state(d).rejected())
                    .description("Calls refused at the downstream's adaptive concurrency limit (their fallback answered)")
                    .tag("downstream", d.key()).register(registry);
            FunctionCounter.builder("downstream.concurrency.slow.ignored", limits, l -> l.state(d).slowIgnored())
                    .description("Slow answers that did not lower the limit: the backend was past its own capacity then")
                    .tag("downstream", d.key()).register(registry);
        }
    }

    private static void gauge(MeterRegistry registry, String name, Downstream d, ConcurrencyLimits limits,
            Function<ConcurrencyState, Number> value, String description) {
        Gauge.builder(name, limits, l -> value.apply(l.state(d)).doubleValue()).description(description)
                .tag("downstream", d.key()).strongReference(true).register(registry);
    }
}
