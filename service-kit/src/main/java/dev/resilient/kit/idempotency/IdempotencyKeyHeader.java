package dev.resilient.kit.idempotency;

import java.util.regex.Pattern;

/**
 * The {@code Idempotency-Key} protocol every service of the suite speaks (the backend's billing and
 * job submissions, billing-stub's deductions, git-stub's snapshots): a request sent again with the key
 * of an earlier one is answered with that one's result, marked {@code Idempotent-Replayed: true}, and
 * does nothing a second time. A key is visible ASCII; each service sets how long it may be.
 */
public final class IdempotencyKeyHeader {

    public static final String NAME = "Idempotency-Key";
    /** Set to {@code true} on an answer that repeats the stored result of an earlier request with the same key. */
    public static final String REPLAYED = "Idempotent-Replayed";

    private static final Pattern VISIBLE_ASCII = Pattern.compile("[\\x21-\\x7e]+");

    private IdempotencyKeyHeader() {
    }

    /** @return why {@code value} is not a key of at most {@code maxLength} characters, or null when it is one (or absent) */
    public static String problem(String value, int maxLength) {
        if (value == null) {
            return null;
        }
        if (value.isEmpty() || value.length() > maxLength || !VISIBLE_ASCII.matcher(value).matches()) {
            return NAME + " must be 1 to " + maxLength + " visible ASCII characters";
        }
        return null;
    }
}
