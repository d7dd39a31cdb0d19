package dev.resilient.backend.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RetryRuleTest {

    private final AtomicInteger budgetAsked = new AtomicInteger();

    private boolean budget(boolean allows) {
        budgetAsked.incrementAndGet();
        return allows;
    }

    @Test
    void anOpenBreakerRefusesFirstAndSpendsNoRetry() {
        assertEquals(RetryRule.BREAKER_OPEN, RetryRule.decide(true, Deadlines.NONE, 1_000, 100, () -> budget(true)));
        assertEquals(0, budgetAsked.get());
    }

    @Test
    void aWaitThatDoesNotFitTheDeadlineIsRefusedBeforeTheBudgetIsAsked() {
        assertEquals(RetryRule.DEADLINE, RetryRule.decide(false, 1_099, 1_000, 100, () -> budget(true)));
        assertEquals(0, budgetAsked.get());
        assertEquals(RetryRule.ALLOWED, RetryRule.decide(false, 1_100, 1_000, 100, () -> budget(true)));
    }

    @Test
    void withoutADeadlineOnlyTheBudgetDecides() {
        assertEquals(RetryRule.ALLOWED, RetryRule.decide(false, Deadlines.NONE, 30_000, 100, () -> budget(true)));
        assertEquals(RetryRule.RETRY_BUDGET, RetryRule.decide(false, Deadlines.NONE, 30_000, 100, () -> budget(false)));
        assertEquals(2, budgetAsked.get());
    }

    @Test
    void aRealRetryBudgetOnAFakeClockRefillsAfterItsWindow() {
        AtomicLong nowMs = new AtomicLong(50_000);
        RetryBudget b = new RetryBudget(0.1, 1, 10, nowMs::get);
        int allowed = 0;
        while (RetryRule.decide(false, Deadlines.NONE, 100, 100, b::tryRetry) == RetryRule.ALLOWED) {
            allowed++;
        }
        assertEquals(10, allowed, "the floor: 1 a second over a 10 s window");
        nowMs.addAndGet(11_000);
        assertEquals(RetryRule.ALLOWED, RetryRule.decide(false, Deadlines.NONE, 100, 100, b::tryRetry));
    }
}
