package dev.resilient.billing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Tiny bounds, so the tests can reach them: 4 accounts (3 seeded), 2 remembered keys per account, 3 transactions kept. */
public class SmallLimitsProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "billing.max-accounts", "4",
                "billing.idempotency.max-keys-per-account", "2",
                "billing.max-transactions-per-account", "3");
    }
}
