package dev.resilient.billing.service;

/** The answer to one {@code POST /deduct}: the outcome and whether it is a replay of a stored one. */
public record Deduction(String account, String idempotencyKey, DeductOutcome outcome, boolean replayed) {
}
