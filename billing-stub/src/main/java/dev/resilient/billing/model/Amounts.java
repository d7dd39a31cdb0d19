package dev.resilient.billing.model;

import java.math.BigDecimal;

/** Money amounts are kept and answered with exactly 2 decimals. */
public final class Amounts {

    public static final String MAX = "1000000";
    public static final int SCALE = 2;

    private Amounts() {
    }

    /**
     * {@code 5} and {@code 5.5} become {@code 5.00} and {@code 5.50}. Only for values with at most
     * 2 decimals (a validated {@link Amount}); others throw {@link ArithmeticException}.
     */
    public static BigDecimal normalize(BigDecimal amount) {
        return amount.setScale(SCALE);
    }
}
