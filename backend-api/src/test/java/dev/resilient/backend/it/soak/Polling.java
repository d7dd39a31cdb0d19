package dev.resilient.backend.it.soak;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.Callable;
import org.awaitility.core.ConditionTimeoutException;

/** The soak's waits for a state: a condition asked every half second until it holds or time is up. */
public final class Polling {

    private Polling() {
    }

    /** Whether {@code done} answered true within {@code atMost}; a timeout is an answer here, not an error. */
    public static boolean until(Duration atMost, Callable<Boolean> done) {
        try {
            await().atMost(atMost).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(500)).until(done);
            return true;
        } catch (ConditionTimeoutException e) {
            return false;
        }
    }
}
