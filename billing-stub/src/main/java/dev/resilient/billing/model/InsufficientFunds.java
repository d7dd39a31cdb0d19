package dev.resilient.billing.model;

import java.math.BigDecimal;

/** 402 answer of {@code POST /deduct}: the balance when the deduction was refused. */
public record InsufficientFunds(String error, BigDecimal balance, boolean replayed) {

    public static final String MESSAGE = "insufficient funds";

    public InsufficientFunds(BigDecimal balance, boolean replayed) {
        this(MESSAGE, balance, replayed);
    }
}
