package dev.resilient.backend.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/** Billing's answer to a deduction; {@code replayed} is true when the Idempotency-Key had been applied before. */
public record BillingReceipt(
        @JsonProperty("transaction_id") String transactionId,
        String account,
        BigDecimal amount,
        BigDecimal balance,
        @JsonProperty("idempotency_key") String idempotencyKey,
        boolean replayed) {
}
