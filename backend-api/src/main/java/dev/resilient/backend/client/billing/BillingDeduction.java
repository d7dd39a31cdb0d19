package dev.resilient.backend.client.billing;

import java.math.BigDecimal;

/** Body of billing's {@code POST /deduct}. */
public record BillingDeduction(String account, BigDecimal amount, String description) {
}
