package dev.resilient.billing.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** Body of {@code POST /deduct}. */
public record DeductRequest(
        @NotNull(message = "is required") @AccountId String account,
        @Amount @JsonDeserialize(using = JsonNumberOnly.class) BigDecimal amount,
        @Size(max = 256) String description) {
}
