package dev.resilient.stubkit.admission;

import com.netflix.concurrency.limits.limit.FixedLimit;
import dev.resilient.kit.criticality.AdmissionGate;
import dev.resilient.kit.criticality.Criticality;
import dev.resilient.kit.criticality.CriticalityHeader;
import dev.resilient.kit.errors.JsonErrors;
import dev.resilient.stubkit.config.StubConfig;
import dev.resilient.stubkit.web.ExemptPaths;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.vertx.web.RouteFilter;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Sheds by criticality, as the backend's front door does: the caller's {@code X-Request-Criticality}
 * (default when absent) against its share of {@code stub.admission.max-in-flight}. A refused request
 * gets 503 JSON with {@code Retry-After: 1} before any fault or work; it counts in
 * {@code stub.admission.refused}, an admitted one in {@code stub.admission.admitted} (tag {@code criticality}:
 * what the caller sent, so a test can see that criticality travels). Runs after the token check, before the
 * chaos filter, so a slow or hanging fault holds its request's place as a slow downstream would.
 * Health, the chaos API and Quarkus' endpoints are never shed.
 */
@ApplicationScoped
public class AdmissionFilter {

    static final int PRIORITY = 750;

    private final AdmissionGate gate;

    AdmissionFilter(StubConfig config, MeterRegistry registry) {
        StubConfig.Admission a = config.admission();
        this.gate = new AdmissionGate(FixedLimit.of(a.maxInFlight()), new AdmissionGate.Shares(a.sheddableShare(), a.defaultShare()),
                System::nanoTime);
        for (Criticality c : Criticality.values()) {
            FunctionCounter.builder("stub.admission.admitted", gate, g -> g.admitted(c)).tag("criticality", c.wireName())
                    .description("Requests admitted, by the criticality their caller sent").register(registry);
            FunctionCounter.builder("stub.admission.refused", gate, g -> g.refused(c)).tag("criticality", c.wireName())
                    .description("Requests refused with 503: past their criticality's share of stub.admission.max-in-flight")
                    .register(registry);
        }
    }

    @RouteFilter(PRIORITY)
    void admit(RoutingContext rc) {
        String path = rc.normalizedPath();
        if (ExemptPaths.isHealth(path) || ExemptPaths.isChaosApi(path) || ExemptPaths.isQuarkusEndpoint(path)) {
            rc.next();
            return;
        }
        Criticality criticality;
        try {
            criticality = CriticalityHeader.parse(rc.request().getHeader(CriticalityHeader.NAME)).orElse(Criticality.DEFAULT);
        } catch (IllegalArgumentException e) {
            JsonErrors.end(rc, 400, e.getMessage());
            return;
        }
        Optional<AdmissionGate.Permit> permit = gate.tryAdmit(criticality);
        if (permit.isEmpty()) {
            rc.response().putHeader("Retry-After", "1");
            JsonErrors.end(rc, 503, "Over capacity: " + gate.inFlight() + " requests in flight of "
                    + gate.limit() + " (stub.admission.max-in-flight); " + criticality.wireName()
                    + " requests are refused past " + gate.threshold(criticality));
            return;
        }
        AdmissionGate.Permit held = permit.get();
        rc.addEndHandler(done -> held.release(done.failed()));
        rc.next();
    }
}
