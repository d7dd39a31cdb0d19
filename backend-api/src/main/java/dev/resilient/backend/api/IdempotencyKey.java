package dev.resilient.backend.api;

import dev.resilient.kit.errors.ApiError;
import dev.resilient.kit.idempotency.IdempotencyKeyHeader;

/** The {@code Idempotency-Key} header the backend accepts (billing deductions, job submissions). */
public final class IdempotencyKey {

    public static final String HEADER = IdempotencyKeyHeader.NAME;
    private static final int MAX_LENGTH = 64;

    private IdempotencyKey() {
    }

    /**
     * @return {@code value}, or null when the header was not sent
     * @throws jakarta.ws.rs.WebApplicationException 400 when it is not 1 to 64 visible ASCII characters
     */
    public static String validated(String value) {
        String problem = IdempotencyKeyHeader.problem(value, MAX_LENGTH);
        if (problem != null) {
            throw ApiError.of(400, problem);
        }
        return value;
    }
}
