package dev.resilient.billing.model;

import java.util.List;

/** Answer of {@code GET /accounts/{id}/transactions}, oldest first. */
public record TransactionHistory(String account, List<Transaction> transactions) {
}
