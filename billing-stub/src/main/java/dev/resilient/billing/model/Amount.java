package dev.resilient.billing.model;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A money amount: present, greater than 0, at most {@link Amounts#MAX}, at most 2 decimals as
 * written ({@code 1.5} and {@code 1.50} are fine, {@code 1.500} and {@code 1.005} are not).
 * Each broken rule is reported with its own message.
 */
@NotNull(message = "is required")
@DecimalMin(value = "0", inclusive = false, message = "must be greater than 0")
@DecimalMax(value = Amounts.MAX, message = "must be at most " + Amounts.MAX)
@Digits(integer = 7, fraction = Amounts.SCALE, message = "must have at most 2 decimals")
@Constraint(validatedBy = {})
@Documented
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
public @interface Amount {

    String message() default "is not a valid amount";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
