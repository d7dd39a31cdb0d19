package dev.resilient.backend.admission;

import dev.resilient.kit.criticality.Criticality;
import io.vertx.core.http.HttpMethod;

/**
 * Every endpoint's criticality, decided from the method and path alone (the front door runs before
 * any JAX-RS matching): critical for billing deductions, status, health, metrics and admin; sheddable
 * for job submissions (ingestion, document analysis) and dashboard polling; default for the rest (chat, search, job reads,
 * log-in, the dashboard page). README "Overload" lists the same table.
 */
public final class EndpointCriticality {

    private EndpointCriticality() {
    }

    public static Criticality of(HttpMethod method, String path) {
        if (path.startsWith("/q/health") || path.startsWith("/q/metrics") || path.startsWith("/v1/api/billing/")
                || path.startsWith("/v1/api/status/") || path.equals("/v1/api/health")
                || path.startsWith("/admin/") || path.startsWith("/v1/api/admin/")) {
            return Criticality.CRITICAL;
        }
        if (HttpMethod.POST.equals(method) && path.startsWith("/v1/api/projects/")
                && (path.endsWith("/documents") || path.endsWith("/analysis"))) {
            return Criticality.SHEDDABLE;
        }
        if (HttpMethod.GET.equals(method) && path.equals("/v1/api/dashboard/state")) {
            return Criticality.SHEDDABLE;
        }
        return Criticality.DEFAULT;
    }
}
