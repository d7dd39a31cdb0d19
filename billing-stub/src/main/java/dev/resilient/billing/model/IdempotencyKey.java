package dev.resilient.billing.model;

import java.util.regex.Pattern;

/** The {@code Idempotency-Key} header: 1 to 128 visible ASCII characters. */
public final class IdempotencyKey {

    public static final String HEADER = "Idempotency-Key";
    private static final Pattern VALID = Pattern.compile("[\\x21-\\x7E]{1,128}");

    private IdempotencyKey() {
    }

    /** @return why {@code value} is not a usable key, or {@code null} when it is one */
    public static String problem(String value) {
        if (value == null || value.isEmpty()) {
            return HEADER + " header is required";
        }
        if (!VALID.matcher(value).matches()) {
            return HEADER + " must be 1 to 128 visible ASCII characters";
        }
        return null;
    }
}
