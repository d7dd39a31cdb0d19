package dev.resilient.backend.e2e;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each user's LLM rate limit, lowered to 2 chats a minute here: alice at hers leaves bob served. */
@QuarkusTest
@TestProfile(UserRateLimitTest.TwoChatsAMinuteEach.class)
class UserRateLimitTest {

    public static class TwoChatsAMinuteEach implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("llm.per-user.limit", "2");
        }
    }

    @Test
    void aliceAtHerLimitGets429NamingItWhileBobIsStillAnswered() {
        String project = Backend.freshProject();
        for (int i = 0; i < 2; i++) {
            Backend.chat("alice", project, "alice's question " + i).statusCode(200);
        }
        Backend.chat("alice", project, "alice's question 2").statusCode(429)
                .header("Retry-After", notNullValue())
                .body("error", containsString("your limit of 2 chats per 60 s"));

        Backend.chat("bob", Backend.freshProject(), "bob's first question").statusCode(200)
                .body("llm_provider", equalTo("primary"));
    }
}
