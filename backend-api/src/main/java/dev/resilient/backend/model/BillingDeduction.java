package dev.resilient.backend.model;

import java.math.BigDecimal;

/** Body of billing's {@code POST /deduct}. */
public record BillingDeduction(String account, BigDecimal amount, String description) {
}
