package dev.resilient.billing.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.math.BigDecimal;

/** Body of {@code POST /accounts/{id}/credit}. */
public record CreditRequest(@Amount @JsonDeserialize(using = JsonNumberOnly.class) BigDecimal amount) {
}
