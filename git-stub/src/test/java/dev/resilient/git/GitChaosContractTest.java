package dev.resilient.git;

import dev.resilient.stubkit.testing.StubChaosContract;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;

@QuarkusTest
class GitChaosContractTest extends StubChaosContract {

    @BeforeEach
    void recordASnapshot() {
        GitTestSupport.snapshot("contract", "contract snapshot").statusCode(201);
    }

    @Override
    protected String protectedGetPath() {
        return "/history/contract";
    }
}
