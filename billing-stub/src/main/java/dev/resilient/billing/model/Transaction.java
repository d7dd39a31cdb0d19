package dev.resilient.billing.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;

/** One booked change of a balance, as kept in the account's history and shown by the API. */
public record Transaction(
        @JsonProperty("transaction_id") String transactionId,
        TransactionType type,
        BigDecimal amount,
        @JsonProperty("balance_after") BigDecimal balanceAfter,
        @JsonProperty("idempotency_key") String idempotencyKey,
        String description,
        Instant at) {
}
