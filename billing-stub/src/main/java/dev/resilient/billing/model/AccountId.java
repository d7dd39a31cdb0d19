package dev.resilient.billing.model;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/** An account id, in a body or a path: {@value AccountIds#PATTERN}. {@code null} is left to {@code @NotNull}. */
@Pattern(regexp = AccountIds.PATTERN, message = AccountIds.RULE)
@Constraint(validatedBy = {})
@Documented
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
public @interface AccountId {

    String message() default AccountIds.RULE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
