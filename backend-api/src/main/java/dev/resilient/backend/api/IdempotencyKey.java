package dev.resilient.backend.api;

import dev.resilient.kit.errors.ApiError;
import java.util.regex.Pattern;

/** The {@code Idempotency-Key} header the backend accepts (billing deductions, job submissions). */
public final class IdempotencyKey {

    public static final String HEADER = "Idempotency-Key";
    private static final Pattern VALID = Pattern.compile("[\\x21-\\x7e]{1,64}");

    private IdempotencyKey() {
    }

    /**
     * @return {@code value}, or null when the header was not sent
     * @throws jakarta.ws.rs.WebApplicationException 400 when it is not 1 to 64 visible ASCII characters
     */
    public static String validated(String value) {
        if (value != null && !VALID.matcher(value).matches()) {
            throw ApiError.of(400, HEADER + " must be 1 to 64 visible ASCII characters");
        }
        return value;
    }
}
