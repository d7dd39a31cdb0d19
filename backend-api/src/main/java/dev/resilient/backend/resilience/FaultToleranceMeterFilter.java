package dev.resilient.backend.resilience;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Works around a SmallRye Fault Tolerance 6.10 bug with Micrometer: it pre-registers
 * {@code ft.ratelimit.calls.total} with the tag {@code bulkheadResult=accepted|rejected}, then counts
 * rate-limit decisions with {@code rateLimitResult=permitted|rejected}. The Prometheus registry refuses
 * one name with two sets of tag keys and throws, which made every {@code @RateLimit} call (the LLM)
 * fail. The filter gives the pre-registered meters the tags the decisions use.
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
