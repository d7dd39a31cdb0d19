package dev.resilient.kit.errors;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Builds exceptions that reach the client as {@code status} with {@code {"error": message}}. */
public final class ApiError {

    private ApiError() {
    }

    public static WebApplicationException of(int status, String message) {
        return new WebApplicationException(message, Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE).entity(new ErrorBody(message)).build());
    }

    /** Same, with a body of the caller's own (a record or map that has an {@code error} field). */
    public static WebApplicationException withBody(int status, String message, Object body) {
        return new WebApplicationException(message, Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE).entity(body).build());
    }
}
