package dev.resilient.backend.admission;

import dev.resilient.kit.criticality.AdmissionGate;
import dev.resilient.kit.criticality.Criticality;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The front door's admission: gauges {@code backend.admission.limit} (Prometheus
 * {@code backend_admission_limit}) and {@code backend.admission.inflight}; counters
 * {@code backend.admission.admitted} and {@code backend.admission.refused} by {@code criticality}
 * ({@code backend_admission_refused_total{criticality="sheddable"}}: requests shed with 503).
 */
@Startup
@ApplicationScoped
public class AdmissionMetrics {

    AdmissionMetrics(FrontDoor frontDoor, MeterRegistry registry) {
        AdmissionGate gate = frontDoor.gate();
        Gauge.builder("backend.admission.limit", gate, AdmissionGate::limit).strongReference(true)
                .description("User requests the backend admits at once now (adaptive, Vegas, or fixed)").register(registry);
        Gauge.builder("backend.admission.inflight", gate, AdmissionGate::inFlight).strongReference(true)
                .description("User requests admitted, not yet answered and not waiting on a downstream").register(registry);
        Gauge.builder("backend.admission.waiting", gate, AdmissionGate::waitingOnDownstreams).strongReference(true)
                .description("User requests admitted and waiting on a downstream, outside the limit's count").register(registry);
        for (Criticality c : Criticality.values()) {
            FunctionCounter.builder("backend.admission.admitted", gate, g -> g.admitted(c)).tag("criticality", c.wireName())
                    .description("Requests admitted at the front door").register(registry);
            FunctionCounter.builder("backend.admission.refused", gate, g -> g.refused(c)).tag("criticality", c.wireName())
                    .description("Requests refused at the front door with 503 (past their criticality's share of the limit)")
                    .register(registry);
        }
    }
}
