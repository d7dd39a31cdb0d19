package dev.resilient.billing;

import dev.resilient.stubkit.testing.StubChaosContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class BillingChaosContractTest extends StubChaosContract {

    @Override
    protected String protectedGetPath() {
        return "/accounts/alice";
    }
}
