package dev.resilient.backend.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.resilient.backend.api.IdempotencyKey;
import dev.resilient.backend.client.billing.BillingClient;
import dev.resilient.backend.client.billing.BillingDeduction;
import dev.resilient.backend.client.billing.BillingReceipt;
import dev.resilient.backend.resilience.BillingGuard;
import dev.resilient.backend.resilience.Caller;
import dev.resilient.backend.resilience.Downstream;
import dev.resilient.backend.resilience.DownstreamCall;
import dev.resilient.backend.resilience.DownstreamClientError;
import dev.resilient.backend.resilience.Failures;
import dev.resilient.kit.errors.ApiError;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Seed 000's fail-closed billing: a deduction either is confirmed or answers 503
 * {@code {"error": "Cannot process billing"}}. One Idempotency-Key per user request, reused by
 * every retry, so a lost response retried never charges twice.
 */
@ApplicationScoped
public class BillingService {

    public static final String CANNOT_PROCESS = "Cannot process billing";
    private static final Logger LOG = Logger.getLogger(BillingService.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BillingClient billing;
    private final BillingGuard guard;

    BillingService(@RestClient BillingClient billing, BillingGuard guard) {
        this.billing = billing;
        this.guard = guard;
    }

    /**
     * @param clientKey the caller's own Idempotency-Key, or null for a fresh one (returned on a 503); it is scoped
     *                  to the user, so two users' keys never meet
     * @return billing's receipt
     * @throws jakarta.ws.rs.WebApplicationException 402 insufficient funds, 404 no account,
     *         422 key reused for another amount, 503 when billing cannot confirm
     */
    public BillingReceipt deduct(Caller caller, Namespace ns, BigDecimal amount, String clientKey) {
        IdempotencyKey.validated(clientKey);
        // Scoped to the account, so two users' keys never meet; a fresh key is returned on a 503, so
        // the client can retry with it and billing applies the deduction at most once.
        String clientFacing = clientKey == null ? UUID.randomUUID().toString() : clientKey;
        String key = ns.account() + ":" + clientFacing;
        try {
            BillingDeduction deduction = new BillingDeduction(ns.account(), amount, "backend deduction");
            return guard.call(DownstreamCall.to(Downstream.BILLING, "POST /deduct", caller,
                    (budgetMs, criticality) -> billing.deduct(budgetMs, criticality, key, deduction)));
        } catch (DownstreamClientError e) {
            throw switch (e.status()) {
                case 402 -> ApiError.withBody(402, "insufficient funds", insufficient(e));
                case 404 -> ApiError.of(404, "no billing account for this user");
                case 422 -> ApiError.of(422, "Idempotency-Key reused with a different request");
                default -> failClosed(e, clientFacing);
            };
        } catch (RuntimeException e) {
            throw failClosed(e, clientFacing);
        }
    }

    /** Billing's 402 body as it came ({@code error} and {@code balance}), or a plain error if unreadable. */
    private static Object insufficient(DownstreamClientError e) {
        try {
            Map<?, ?> body = JSON.readValue(e.body(), Map.class);
            if (body.get("error") != null) {
                return body;
            }
        } catch (Exception unreadable) {
            // fall through to the plain answer
        }
        return Map.of("error", "insufficient funds");
    }

    /**
     * 503 {@code {"error": "Cannot process billing", "idempotency_key": ...}}, with the key also in the
     * {@code Idempotency-Key} header: the deduction may or may not have happened, and retrying with
     * that key is what makes sure it happens once.
     */
    private static RuntimeException failClosed(RuntimeException e, String idempotencyKey) {
        LOG.errorf("Billing failed (%s): failing closed", Failures.describe(e));
        return new jakarta.ws.rs.WebApplicationException(CANNOT_PROCESS, jakarta.ws.rs.core.Response.status(503)
                .header("Idempotency-Key", idempotencyKey).type(jakarta.ws.rs.core.MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("error", CANNOT_PROCESS, "idempotency_key", idempotencyKey)).build());
    }
}
