package dev.resilient.billing.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

public enum TransactionType {
    DEDUCT, CREDIT;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
