package dev.resilient.billing;

import dev.resilient.stubkit.testing.StubChaosContract;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;

@QuarkusTest
class BillingChaosContractTest extends StubChaosContract {

    @Override
    protected String protectedGetPath() {
        return "/accounts/alice";
    }

    @Override
    protected List<Endpoint> endpoints() {
        return List.of(Endpoint.post("/deduct"), Endpoint.get("/accounts/alice"),
                Endpoint.post("/accounts/alice/credit"), Endpoint.get("/accounts/alice/transactions"));
    }
}
