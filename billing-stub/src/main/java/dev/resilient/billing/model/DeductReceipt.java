package dev.resilient.billing.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/** 200 answer of {@code POST /deduct}; {@code replayed} is true when a stored result is returned again. */
public record DeductReceipt(
        @JsonProperty("transaction_id") String transactionId,
        String account,
        BigDecimal amount,
        BigDecimal balance,
        @JsonProperty("idempotency_key") String idempotencyKey,
        boolean replayed) {
}
