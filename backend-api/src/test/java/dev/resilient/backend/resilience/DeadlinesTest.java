package dev.resilient.backend.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.resilient.kit.criticality.Criticality;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The caller's deadline as it is passed down: narrowed copies, on a fake clock. */
class DeadlinesTest {

    private static final long MS = 1_000_000;
    private final AtomicLong now = new AtomicLong(50_000 * MS);

    private Deadlines deadlines(boolean enabled) {
        return new Deadlines(new DefaultBudgets(enabled), now::get);
    }

    @Test
    void aRequestsDeadlineCountsDownOnTheInjectedClock() {
        Deadlines d = deadlines(true);
        Caller caller = new Caller("alice", "search", d.startingNow(Duration.ofSeconds(2)), Criticality.DEFAULT);
        now.addAndGet(1_500 * MS);
        assertEquals(500, d.remainingMs(caller));
        now.addAndGet(600 * MS);
        assertEquals(-100, d.remainingMs(caller));
    }

    @Test
    void keepingTimeForTheFallbackNarrowsTheCopyPassedOnNotTheCallersOwn() {
        Deadlines d = deadlines(true);
        Caller caller = new Caller("alice", "search", d.startingNow(Duration.ofSeconds(2)), Criticality.DEFAULT);
        Caller primary = d.keepingTimeForFallback(caller);
        assertEquals(1_000, d.remainingMs(primary));
        assertEquals(2_000, d.remainingMs(caller), "the fallback still has the caller's whole time left");
        assertEquals("alice", primary.user());
        assertEquals("search", primary.endpoint());
    }

    @Test
    void atMostCapsButNeverExtends() {
        Deadlines d = deadlines(true);
        Caller chat = new Caller("alice", "chat", d.startingNow(Duration.ofSeconds(10)), Criticality.DEFAULT);
        assertEquals(2_000, d.remainingMs(d.atMost(chat, Duration.ofSeconds(2))));
        Caller nearlyDone = new Caller("alice", "chat", d.startingNow(Duration.ofMillis(300)), Criticality.DEFAULT);
        assertEquals(300, d.remainingMs(d.atMost(nearlyDone, Duration.ofSeconds(2))));
    }

    @Test
    void backgroundWorkAndBudgetsOffHaveNoDeadline() {
        Deadlines on = deadlines(true);
        Caller job = Caller.background("alice", "ingestion");
        assertEquals(Deadlines.NONE, on.remainingMs(job));
        assertSame(job.deadline(), on.keepingTimeForFallback(job).deadline());
        assertSame(Deadline.NONE, deadlines(false).startingNow(Duration.ofSeconds(2)));
    }

    @Test
    void theBreakerFloorIsPerDownstreamWithADefault() {
        Deadlines d = deadlines(true);
        assertEquals(2_000, d.breakerFloorMs(Downstream.LLM_PRIMARY));
        assertEquals(500, d.breakerFloorMs(Downstream.CHROMA));
    }
}
