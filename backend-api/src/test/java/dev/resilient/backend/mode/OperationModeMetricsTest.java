package dev.resilient.backend.mode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** operation.mode{mode} is 1 for the mode in force at the scrape, 0 for every other mode. */
class OperationModeMetricsTest {

    @Test
    void oneForTheModeInForceZeroForTheOthers() {
        MeterRegistry registry = new SimpleMeterRegistry();
        AtomicReference<OperationMode> mode = new AtomicReference<>(OperationMode.NORMAL);
        new OperationModeMetrics(mode::get, registry);
        for (OperationMode now : OperationMode.values()) {
            mode.set(now);
            for (OperationMode m : OperationMode.values()) {
                assertEquals(m == now ? 1 : 0, registry.get(OperationModeMetrics.NAME).tag("mode", m.name()).gauge().value(),
                        m + " while " + now);
            }
        }
    }
}
