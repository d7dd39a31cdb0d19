package dev.resilient.billing.model;

import java.math.BigDecimal;

/** Answer of the balance read and of a credit. */
public record AccountBalance(String account, BigDecimal balance) {
}
