package dev.resilient.backend.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.netflix.concurrency.limits.Limiter;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.ProcessingException;
import java.net.ConnectException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.junit.jupiter.api.Test;

/** Which outcome of a call lowers the limit (dropped), which is a latency sample (success), which is ignored. */
class ConcurrencyLimitsReleaseTest {

    /** Records the one listener call a permit got. */
    private static final class Recorded implements Limiter.Listener {
        String outcome = "none";

        @Override
        public void onSuccess() {
            outcome = "success";
        }

        @Override
        public void onIgnore() {
            outcome = "ignored";
        }

        @Override
        public void onDropped() {
            outcome = "dropped";
        }
    }

    private static String released(int attempts, Throwable failure) {
        DownstreamCall<String> call = DownstreamCall.to(Downstream.CHROMA, "POST /query",
                Caller.background("alice", "test"), (budget, criticality) -> Uni.createFrom().item("ok"));
        for (int i = 0; i < attempts; i++) {
            call.startAttempt();
        }
        Recorded permit = new Recorded();
        ConcurrencyLimits.release(permit, call, failure);
        return permit.outcome;
    }

    @Test
    void anAnswerIsALatencySample() {
        assertEquals("success", released(1, null));
    }

    @Test
    void theDownstreamsFailuresLowerTheLimit() {
        assertEquals("dropped", released(3, new DownstreamServerError(503, "down", "")));
        assertEquals("dropped", released(1, new TimeoutException()));
        assertEquals("dropped", released(1, new ProcessingException(new ConnectException("refused"))));
        assertEquals("dropped", released(1, new DeadlineExceededException(900, null)));
        assertEquals("dropped", released(1, new RetryDeniedException("retry budget spent",
                new DownstreamServerError(500, "boom", ""), false)));
    }

    @Test
    void whatTheCallerCausedOrNoAttemptSawIsIgnored() {
        assertEquals("ignored", released(1, new DownstreamClientError(404, "no such collection", "")));
        assertEquals("ignored", released(1, new DownstreamCapacityError(429, "too many requests for alice", "")));
        assertEquals("ignored", released(1, new CallerDeadlineException(200, null)));
        assertEquals("ignored", released(0, new CircuitBreakerOpenException()));
    }
}
