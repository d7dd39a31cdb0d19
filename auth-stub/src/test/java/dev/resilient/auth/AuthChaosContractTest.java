package dev.resilient.auth;

import dev.resilient.stubkit.testing.StubChaosContract;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;

@QuarkusTest
class AuthChaosContractTest extends StubChaosContract {

    @Override
    protected String protectedGetPath() {
        return "/keys/info";
    }

    @Override
    protected List<Endpoint> endpoints() {
        return List.of(Endpoint.get("/keys/info"));
    }

    @Override
    protected List<Endpoint> publicEndpoints() {
        return List.of(Endpoint.post("/token"), Endpoint.get("/.well-known/jwks.json"));
    }
}
