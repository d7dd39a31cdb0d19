package dev.resilient.backend.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A queue's backoff (seed 004's backoff_factor) and the settings it refuses. */
class QueueSettingsTest {

    private static QueueSettings queue(double factor) {
        return new QueueSettings("analysis", 2, 4, Duration.ofSeconds(1), factor, Duration.ofSeconds(10));
    }

    @Test
    void eachRetryWaitsTheFactorTimesTheWaitBeforeUpToTheMaximum() {
        QueueSettings q = queue(2);
        assertEquals(Duration.ofSeconds(1), q.backoff(1));
        assertEquals(Duration.ofSeconds(2), q.backoff(2));
        assertEquals(Duration.ofSeconds(4), q.backoff(3));
        assertEquals(Duration.ofSeconds(8), q.backoff(4));
        assertEquals(Duration.ofSeconds(10), q.backoff(5), "capped at backoff-max");
        assertEquals(Duration.ofSeconds(10), q.backoff(500), "no overflow, still the maximum");
    }

    @Test
    void aFractionalFactorGrowsTheWaitByThatMuch() {
        QueueSettings q = queue(1.5);
        assertEquals(Duration.ofMillis(1500), q.backoff(2));
        assertEquals(Duration.ofMillis(2250), q.backoff(3));
    }

    @Test
    void aFactorOfOneWaitsTheSameEveryTime() {
        QueueSettings q = queue(1);
        assertEquals(q.backoff(1), q.backoff(7));
    }

    @Test
    void settingsThatCannotWorkAreRefusedNamingTheQueuesKey() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> queue(0.5));
        assertTrue(e.getMessage().contains("backend.jobs.queues.analysis.backoff-factor"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> queue(Double.NaN));
        assertThrows(IllegalStateException.class,
                () -> new QueueSettings("q", 1, 0, Duration.ofSeconds(1), 2, Duration.ofSeconds(2)));
        assertThrows(IllegalStateException.class,
                () -> new QueueSettings("q", -1, 1, Duration.ofSeconds(1), 2, Duration.ofSeconds(2)));
        assertThrows(IllegalStateException.class,
                () -> new QueueSettings("q", 1, 1, Duration.ofSeconds(3), 2, Duration.ofSeconds(2)));
    }
}
