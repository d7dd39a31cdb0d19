package dev.resilient.backend.client.billing;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/**
 * Billing's answer to a deduction; {@code replayed} is true when the Idempotency-Key had been applied before.
 * Billing owns this shape; {@code POST /v1/api/billing/deduct} relays it unchanged ("billing's receipt").
 */
public record BillingReceipt(
        @JsonProperty("transaction_id") String transactionId,
        String account,
        BigDecimal amount,
        BigDecimal balance,
        @JsonProperty("idempotency_key") String idempotencyKey,
        boolean replayed) {
}
