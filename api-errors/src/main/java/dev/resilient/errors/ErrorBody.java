package dev.resilient.errors;

/** The one error shape of the suite: {@code {"error": "..."}}. */
public record ErrorBody(String error) {
}
