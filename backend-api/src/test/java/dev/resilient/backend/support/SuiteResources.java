package dev.resilient.backend.support;

import io.quarkus.test.common.QuarkusTestResource;

/**
 * Every real stub process the backend's tests run against. Test resources declared anywhere
 * apply to every {@code @QuarkusTest} of the module, each started once per test run.
 */
@QuarkusTestResource(AuthStubResource.class)
@QuarkusTestResource(ChromaStubResource.class)
@QuarkusTestResource(FilesystemStubResource.class)
@QuarkusTestResource(BillingStubResource.class)
@QuarkusTestResource(GitStubResource.class)
@QuarkusTestResource(LlmStubResource.class)
@QuarkusTestResource(LlmSecondaryStubResource.class)
public final class SuiteResources {

    private SuiteResources() {
    }
}
