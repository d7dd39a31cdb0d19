package dev.resilient.backend.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the time budget of an endpoint: {@code backend.budgets.deadline.endpoints.<value>}, else
 * {@code backend.budgets.deadline.default}. Read by {@link DeadlineFilter}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface TimeBudget {
    String value();
}
