package dev.resilient.backend.support;

import io.quarkus.test.common.QuarkusTestResource;

/**
 * Every real stub process the backend's tests run against. Test resources declared anywhere
 * apply to every {@code @QuarkusTest} of the module, started again for each test profile; they are
 * independent processes, so they start side by side ({@code parallel}).
 */
@QuarkusTestResource(value = AuthStubResource.class, parallel = true)
@QuarkusTestResource(value = ChromaStubResource.class, parallel = true)
@QuarkusTestResource(value = FilesystemStubResource.class, parallel = true)
@QuarkusTestResource(value = BillingStubResource.class, parallel = true)
@QuarkusTestResource(value = GitStubResource.class, parallel = true)
@QuarkusTestResource(value = LlmStubResource.class, parallel = true)
@QuarkusTestResource(value = LlmSecondaryStubResource.class, parallel = true)
public final class SuiteResources {

    private SuiteResources() {
    }
}
