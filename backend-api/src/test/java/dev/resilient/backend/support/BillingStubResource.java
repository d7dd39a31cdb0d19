package dev.resilient.backend.support;

import java.util.Map;

/** Runs the real billing-stub jar for the backend's tests. */
public class BillingStubResource extends StubResource {

    @Override
    String module() {
        return "billing-stub";
    }

    @Override
    Map<String, String> backendConfig(ServiceProcess stub) {
        return Map.of("quarkus.rest-client.billing.url", stub.url());
    }

}
