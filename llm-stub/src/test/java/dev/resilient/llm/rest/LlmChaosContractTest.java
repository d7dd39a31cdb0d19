package dev.resilient.llm.rest;

import dev.resilient.stubkit.testing.StubChaosContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class LlmChaosContractTest extends StubChaosContract {

    @Override
    protected String protectedGetPath() {
        return "/v1/models";
    }
}
