package dev.resilient.git;

import dev.resilient.stubkit.testing.StubChaosContract;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;

@QuarkusTest
class GitChaosContractTest extends StubChaosContract {

    private String snapshotId;

    @BeforeEach
    void recordASnapshot() {
        snapshotId = GitTestSupport.snapshot("contract", "contract snapshot").statusCode(201).extract().path("snapshot_id");
    }

    @Override
    protected String protectedGetPath() {
        return "/history/contract";
    }

    @Override
    protected List<Endpoint> endpoints() {
        return List.of(Endpoint.post("/snapshot/contract"), Endpoint.get("/snapshot/contract/" + snapshotId),
                Endpoint.get("/history/contract"));
    }
}
