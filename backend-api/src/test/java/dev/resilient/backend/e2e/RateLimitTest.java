package dev.resilient.backend.e2e;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The LLM rate limit, lowered to 3 calls a minute for this test, answers a clear 429 with Retry-After. */
@QuarkusTest
@TestProfile(RateLimitTest.ThreeCallsAMinute.class)
class RateLimitTest {

    public static class ThreeCallsAMinute implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.fault-tolerance.\"dev.resilient.backend.service.LlmService/complete\".rate-limit.value", "3");
        }
    }

    @Test
    void reachingTheLlmRateLimitGives429WithRetryAfter() {
        String project = Backend.freshProject();
        // questions of this project alone: an answer the LLM cache kept from an earlier run (its disk level
        // lives under target/) would be served without an LLM call and leave the limit unspent
        for (int i = 0; i < 3; i++) {
            Backend.chat("alice", project, "question number " + i + " of " + project).statusCode(200);
        }
        Backend.chat("alice", project, "one question too many for " + project).statusCode(429)
                .header("Retry-After", notNullValue())
                .body("error", containsString("rate limit"));
    }
}
