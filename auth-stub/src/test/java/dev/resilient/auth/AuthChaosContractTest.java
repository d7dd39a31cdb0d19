package dev.resilient.auth;

import dev.resilient.stubkit.testing.StubChaosContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class AuthChaosContractTest extends StubChaosContract {

    @Override
    protected String protectedGetPath() {
        return "/keys/info";
    }
}
