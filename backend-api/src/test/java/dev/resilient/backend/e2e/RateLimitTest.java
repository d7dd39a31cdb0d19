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
        for (int i = 0; i < 3; i++) {
            Backend.chat("alice", project, "question number " + i).statusCode(200);
        }
        Backend.chat("alice", project, "one question too many").statusCode(429)
                .header("Retry-After", notNullValue())
                .body("error", containsString("rate limit"));
    }
}
