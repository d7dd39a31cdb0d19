package dev.resilient.stubkit;

import dev.resilient.stubkit.testing.StubChaosContract;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;

@QuarkusTest
class StubKitContractTest extends StubChaosContract {

    @Override
    protected String protectedGetPath() {
        return "/echo";
    }

    @Override
    protected List<Endpoint> endpoints() {
        return List.of(Endpoint.get("/echo"), Endpoint.post("/echo"));
    }
}
