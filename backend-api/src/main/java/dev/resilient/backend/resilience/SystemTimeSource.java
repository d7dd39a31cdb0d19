package dev.resilient.backend.resilience;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The production {@link TimeSource}: {@link System#nanoTime()}. */
@ApplicationScoped
public class SystemTimeSource {

    @Produces
    @Singleton
    TimeSource timeSource() {
        return System::nanoTime;
    }
}
