package dev.resilient.backend.rest;

import dev.resilient.backend.api.DeductRequest;
import dev.resilient.backend.client.billing.BillingReceipt;
import dev.resilient.backend.service.BillingService;
import dev.resilient.backend.service.Namespace;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * {@code POST /v1/api/billing/deduct}: charges the caller's account. Fails closed: 503
 * {@code {"error": "Cannot process billing"}} unless billing confirms; 402 passes through.
 * An optional {@code Idempotency-Key} header makes the caller's own retries safe too.
 */
@Path("/v1/api/billing/deduct")
@Authenticated
@TimeBudget("billing")
public class BillingResource {

    private final BillingService billing;
    private final JsonWebToken jwt;
    private final RequestBudget budget;

    BillingResource(BillingService billing, JsonWebToken jwt, RequestBudget budget) {
        this.billing = billing;
        this.jwt = jwt;
        this.budget = budget;
    }

    @POST
    public BillingReceipt deduct(@NotNull @Valid DeductRequest request,
            @HeaderParam("Idempotency-Key") String idempotencyKey) {
        Namespace ns = Namespaces.of(jwt, null);
        return billing.deduct(budget.callerFor(ns), ns, request.amount(), idempotencyKey);
    }
}
