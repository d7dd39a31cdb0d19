package dev.resilient.billing.service;

import dev.resilient.billing.model.Transaction;
import java.math.BigDecimal;

/** What a first deduction under a key did; this is what the key replays. */
public sealed interface DeductOutcome {

    /** The amount was subtracted and booked as {@code transaction}. */
    record Charged(Transaction transaction) implements DeductOutcome {
    }

    /** The balance did not cover the amount; nothing changed. */
    record Refused(BigDecimal balance) implements DeductOutcome {
    }
}
