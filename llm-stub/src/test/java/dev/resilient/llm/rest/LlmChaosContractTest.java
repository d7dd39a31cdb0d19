package dev.resilient.llm.rest;

import dev.resilient.stubkit.testing.StubChaosContract;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;

@QuarkusTest
class LlmChaosContractTest extends StubChaosContract {

    @Override
    protected String protectedGetPath() {
        return "/v1/models";
    }

    @Override
    protected List<Endpoint> endpoints() {
        return List.of(Endpoint.post("/v1/chat/completions"), Endpoint.get("/v1/models"),
                Endpoint.get("/v1/models/stub-model"));
    }
}
