package dev.resilient.backend.rest;

import dev.resilient.backend.admission.AdmissionFilter;
import dev.resilient.backend.config.BudgetConfig;
import dev.resilient.backend.resilience.Deadline;
import dev.resilient.backend.resilience.Deadlines;
import dev.resilient.kit.criticality.AdmissionGate;
import dev.resilient.kit.criticality.Criticality;
import dev.resilient.kit.deadline.DeadlineHeader;
import dev.resilient.kit.errors.ApiError;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.OptionalLong;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Starts each user request's deadline ({@link RequestBudget}) when it arrives: the budget of its
 * endpoint ({@link TimeBudget}), shortened by the caller's own {@code X-Request-Timeout-Ms} when it
 * sends a smaller one (a malformed value is a 400), with the criticality the front door gave it
 * ({@link AdmissionFilter}) and its hold on the front door's limit, which its downstream calls step out of.
 */
public class DeadlineFilter {

    private final Deadlines deadlines;
    private final BudgetConfig config;
    private final RequestBudget budget;

    DeadlineFilter(Deadlines deadlines, BudgetConfig config, RequestBudget budget) {
        this.deadlines = deadlines;
        this.config = config;
        this.budget = budget;
    }

    @ServerRequestFilter
    public void start(ContainerRequestContext request, ResourceInfo resource, RoutingContext rc) {
        Criticality criticality = AdmissionFilter.criticalityOf(rc);
        AdmissionGate.Permit admission = AdmissionFilter.permitOf(rc);
        String endpoint = endpointOf(resource);
        if (!config.enabled()) {
            budget.start(endpoint, Deadline.NONE, criticality, admission);
            return;
        }
        Duration allowed = config.budgetOf(endpoint);
        if (config.deadline().honourCallerHeader()) {
            OptionalLong caller;
            try {
                caller = DeadlineHeader.parse(request.getHeaderString(DeadlineHeader.NAME));
            } catch (IllegalArgumentException e) {
                throw ApiError.of(400, e.getMessage());
            }
            if (caller.isPresent() && caller.getAsLong() < allowed.toMillis()) {
                allowed = Duration.ofMillis(Math.max(0, caller.getAsLong()));
            }
        }
        budget.start(endpoint, deadlines.startingNow(allowed), criticality, admission);
    }

    private static String endpointOf(ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        TimeBudget named = method == null ? null : method.getAnnotation(TimeBudget.class);
        if (named == null && resource.getResourceClass() != null) {
            named = resource.getResourceClass().getAnnotation(TimeBudget.class);
        }
        return named == null ? "default" : named.value();
    }
}
