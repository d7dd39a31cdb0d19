package dev.resilient.backend.mode;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.resilient.backend.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The override is kept in the job database (H2 here, through the real migration and store): a process
 * that never saw it set, as after a restart, reads it back.
 */
@QuarkusTest
class OverrideSurvivesRestartTest {

    @Inject
    OperationModeService modes;

    @Inject
    ModeOverrideStore store;

    @AfterEach
    void clear() {
        modes.clearOverride();
    }

    @Test
    void anOverrideIsReadBackFromTheDatabaseByAProcessThatNeverSawItSet() {
        modes.override(OperationMode.MAINTENANCE, "moving the vector store", "admin");
        SharedOverride restarted = new SharedOverride(store); // this process's memory, dropped
        assertEquals(Optional.empty(), restarted.current());
        restarted.refresh();
        ModeState read = restarted.current().orElseThrow();
        assertEquals(OperationMode.MAINTENANCE, read.mode());
        assertEquals("moving the vector store (set by admin)", read.reason());
        assertEquals(modes.current().since(), read.since());

        modes.clearOverride();
        restarted.refresh();
        assertEquals(Optional.empty(), restarted.current());
    }

    @Test
    void aReasonTheDatabaseCannotStoreIsA400() {
        given().header("Authorization", Tokens.bearer("admin")).contentType(ContentType.JSON)
                .body(Map.of("mode", "MAINTENANCE", "reason", "nul \u0000 inside")).put("/v1/api/admin/operation-mode")
                .then().statusCode(400).body("error", containsString("NUL"));
    }
}
