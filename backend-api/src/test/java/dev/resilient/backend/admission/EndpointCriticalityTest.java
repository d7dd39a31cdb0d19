package dev.resilient.backend.admission;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.resilient.kit.criticality.Criticality;
import io.vertx.core.http.HttpMethod;
import org.junit.jupiter.api.Test;

/** Every endpoint's criticality, as README "Overload: admission by criticality" lists them. */
class EndpointCriticalityTest {

    @Test
    void billingStatusHealthMetricsAndAdminAreCritical() {
        assertEquals(Criticality.CRITICAL, EndpointCriticality.of(HttpMethod.POST, "/v1/api/billing/deduct"));
        assertEquals(Criticality.CRITICAL, EndpointCriticality.of(HttpMethod.GET, "/v1/api/status/services"));
        assertEquals(Criticality.CRITICAL, EndpointCriticality.of(HttpMethod.GET, "/admin/service-status"));
        assertEquals(Criticality.CRITICAL, EndpointCriticality.of(HttpMethod.PUT, "/v1/api/admin/operation-mode"));
        assertEquals(Criticality.CRITICAL, EndpointCriticality.of(HttpMethod.GET, "/q/health/ready"));
        assertEquals(Criticality.CRITICAL, EndpointCriticality.of(HttpMethod.GET, "/v1/api/health"));
        assertEquals(Criticality.CRITICAL, EndpointCriticality.of(HttpMethod.GET, "/q/metrics"));
    }

    @Test
    void jobSubmissionsAndDashboardPollingAreSheddable() {
        assertEquals(Criticality.SHEDDABLE, EndpointCriticality.of(HttpMethod.POST, "/v1/api/projects/demo/documents"));
        assertEquals(Criticality.SHEDDABLE, EndpointCriticality.of(HttpMethod.POST, "/v1/api/projects/demo/documents/a.md/analysis"));
        assertEquals(Criticality.SHEDDABLE, EndpointCriticality.of(HttpMethod.GET, "/v1/api/dashboard/state"));
    }

    @Test
    void chatSearchJobReadsLogInAndAnythingElseAreDefault() {
        assertEquals(Criticality.DEFAULT, EndpointCriticality.of(HttpMethod.POST, "/v1/api/chat"));
        assertEquals(Criticality.DEFAULT, EndpointCriticality.of(HttpMethod.POST, "/v1/api/search"));
        assertEquals(Criticality.DEFAULT, EndpointCriticality.of(HttpMethod.GET, "/v1/api/jobs/42"));
        assertEquals(Criticality.DEFAULT, EndpointCriticality.of(HttpMethod.POST, "/v1/api/dashboard/login"));
        assertEquals(Criticality.DEFAULT, EndpointCriticality.of(HttpMethod.GET, "/v1/api/projects/demo/documents"));
        assertEquals(Criticality.DEFAULT, EndpointCriticality.of(HttpMethod.GET, "/v1/api/projects/demo/documents/a.md/analysis"));
        assertEquals(Criticality.DEFAULT, EndpointCriticality.of(HttpMethod.GET, "/dashboard/index.html"));
    }
}
