package dev.resilient.backend.client.billing;

import dev.resilient.backend.client.InternalTokenHeaders;
import dev.resilient.kit.criticality.CriticalityHeader;
import dev.resilient.kit.deadline.DeadlineHeader;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * Account balances ({@code quarkus.rest-client.billing.url}, env {@code BILLING_SERVER_URL}).
 * Guarded by {@code BillingGuard}.
 * Each guarded method returns a {@link Uni}: the guard subscribes once per attempt and stops
 * waiting (cancelling the request) when the caller's deadline comes first. {@code budgetMs} is the
 * attempt's time budget, sent as {@code X-Request-Timeout-Ms} (no header when null), and
 * {@code criticality} the caller's, sent as {@code X-Request-Criticality}: a stub past its capacity
 * refuses the least important with 503.
 */
@RegisterRestClient(configKey = "billing")
@RegisterClientHeaders(InternalTokenHeaders.class)
@Path("/")
public interface BillingClient {

    /**
     * Charges an account once per {@code idempotencyKey}: the same key again returns the first
     * result and charges nothing, which is what makes retrying this call safe.
     *
     * Fails with {@code DownstreamClientError} 402 insufficient funds, 404 unknown account, 422 key reused with another request
     * {@code DownstreamServerError} on a 5xx, {@code ProcessingException} when the connection fails (the charge may or may not have happened: retry with the same key)
     */
    @POST
    @Path("deduct")
    Uni<BillingReceipt> deduct(@HeaderParam(DeadlineHeader.NAME) Long budgetMs,
            @HeaderParam(CriticalityHeader.NAME) String criticality, @HeaderParam("Idempotency-Key") String idempotencyKey,
            BillingDeduction deduction);
}
