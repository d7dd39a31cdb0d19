package dev.resilient.backend.client.billing;

import dev.resilient.backend.client.InternalTokenHeaders;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * Account balances ({@code quarkus.rest-client.billing.url}, env {@code BILLING_SERVER_URL}).
 * Guarded by {@code BillingGuard}.
 */
@RegisterRestClient(configKey = "billing")
@RegisterClientHeaders(InternalTokenHeaders.class)
@Path("/")
public interface BillingClient {

    /**
     * Charges an account once per {@code idempotencyKey}: the same key again returns the first
     * result and charges nothing, which is what makes retrying this call safe.
     *
     * @throws dev.resilient.backend.resilience.DownstreamClientError 402 insufficient funds, 404 unknown account, 422 key reused with another request
     * @throws dev.resilient.backend.resilience.DownstreamServerError on a 5xx
     * @throws jakarta.ws.rs.ProcessingException when the connection fails (the charge may or may not have happened: retry with the same key)
     */
    @POST
    @Path("deduct")
    BillingReceipt deduct(@HeaderParam("Idempotency-Key") String idempotencyKey, BillingDeduction deduction);
}
