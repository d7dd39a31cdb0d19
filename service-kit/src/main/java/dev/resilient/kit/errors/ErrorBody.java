package dev.resilient.kit.errors;

/** The one error shape of the suite: {@code {"error": "..."}}. */
public record ErrorBody(String error) {
}
