package dev.resilient.backend.resilience;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Works around a SmallRye Fault Tolerance 6.10.0 bug with Micrometer: it pre-registers
 * {@code ft.ratelimit.calls.total} with the tag {@code bulkheadResult=accepted|rejected}, then counts
 * rate-limit decisions with {@code rateLimitResult=permitted|rejected}. The Prometheus registry refuses
 * one name with two sets of tag keys and throws, which made every {@code @RateLimit} call (the LLM)
 * fail. The filter gives the pre-registered meters the tags the decisions use.
 *
 * <p>Fixed upstream in SmallRye Fault Tolerance 6.10.1 and 6.11.1 (commit "fix early registration of
 * Micrometer metrics for rate limit", smallrye/smallrye-fault-tolerance 55d63e26 on the 6.10 branch);
 * Quarkus 3.34.1 ships 6.10.0, and quarkusio/quarkus#53386 moves the 3.34 branch to 6.10.1. Delete
 * this class once the Quarkus platform brings 6.10.1 or later; DashboardApiTest's rate-limit check
 * guards the change.
 */
public class FaultToleranceMeterFilter {

    static final String RATE_LIMIT_CALLS = "ft.ratelimit.calls.total";

    @Produces
    @Singleton
    MeterFilter rateLimitTags() {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                String result = id.getTag("bulkheadResult");
                if (!RATE_LIMIT_CALLS.equals(id.getName()) || result == null) {
                    return id;
                }
                List<Tag> tags = id.getTags().stream().filter(t -> !t.getKey().equals("bulkheadResult")).toList();
                return id.replaceTags(tags).withTag(Tag.of("rateLimitResult", "accepted".equals(result) ? "permitted" : result));
            }
        };
    }
}
