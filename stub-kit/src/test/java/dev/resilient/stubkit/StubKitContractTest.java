package dev.resilient.stubkit;

import dev.resilient.stubkit.testing.StubChaosContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class StubKitContractTest extends StubChaosContract {

    @Override
    protected String protectedGetPath() {
        return "/echo";
    }
}
