package dev.resilient.kit.errors;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.vertx.core.http.HttpClosedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Maps every failure of a request to {@code {"error": ...}} with a 4xx for bad input, so no
 * client ever sees a stack trace. Unexpected exceptions are logged here and answered with a
 * bare 500 message.
 */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        Response original = e.getResponse();
        int status = original == null ? 500 : original.getStatus();
        if (status == 400 && e.getCause() instanceof JsonProcessingException json) {
            // Quarkus' Jackson reader wraps unreadable bodies in a plain 400; say what was wrong
            return json(400, describe(json)).build();
        }
        if (original != null && original.hasEntity()) {
            return original; // built with ApiError: already the JSON the client should see
        }
        Response.ResponseBuilder builder = json(status, message(e, status));
        if (original != null) {
            original.getHeaders().forEach((name, values) -> {
                if (!name.equalsIgnoreCase("Content-Type")) {
                    values.forEach(v -> builder.header(name, v));
                }
            });
        }
        return builder.build();
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        return json(400, describe(e)).build();
    }

    /** Quarkus REST ships a mapper for this subtype that answers without a body; ours wins by being as specific. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return json(400, describe(e)).build();
    }

    @ServerExceptionMapper
    public Response violation(ResteasyReactiveViolationException e) {
        return violations(e);
    }

    @ServerExceptionMapper
    public Response violations(ConstraintViolationException e) {
        String message = e.getConstraintViolations().stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .map(ErrorMappers::describe)
                .collect(Collectors.joining("; "));
        return json(400, message.isEmpty() ? "invalid request" : message).build();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        if (clientWentAway(e)) {
            // the client closed its connection before its body arrived (a slow or cancelled client):
            // nobody will read this answer and nothing of ours failed
            LOG.debugf("A client closed its connection before its request arrived: %s", e.getMessage());
            return json(400, "the connection closed before the request's body arrived").build();
        }
        LOG.error("Unexpected error while serving a request", e);
        return json(500, "internal error").build();
    }

    private static boolean clientWentAway(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof HttpClosedException) {
                return true;
            }
        }
        return false;
    }

    private static Response.ResponseBuilder json(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new ErrorBody(message));
    }

    private static String message(WebApplicationException e, int status) {
        String m = e.getMessage();
        if (m == null || m.startsWith("HTTP " + status)) {
            Response.Status known = Response.Status.fromStatusCode(status);
            return known == null ? "HTTP " + status : known.getReasonPhrase().toLowerCase();
        }
        return m;
    }

    private static String describe(ConstraintViolation<?> v) {
        String path = v.getPropertyPath().toString();
        // "method.arg0.field" -> "field": the client knows its JSON fields, not our parameter names
        int dot = path.lastIndexOf('.');
        String field = dot >= 0 ? path.substring(dot + 1) : path;
        return field.isEmpty() ? v.getMessage() : field + " " + v.getMessage();
    }

    /** A client-facing reason for a body Jackson could not read, without class names. */
    static String describe(JsonProcessingException e) {
        if (e instanceof StreamConstraintsException) {
            return "request body exceeds a JSON limit: " + e.getOriginalMessage();
        }
        if (e instanceof JsonParseException) {
            return "malformed JSON";
        }
        if (e instanceof JsonMappingException m) {
            Throwable cause = m.getCause();
            if (cause instanceof IllegalArgumentException && cause.getMessage() != null) {
                return cause.getMessage();
            }
            String field = m.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
            if (m.getOriginalMessage() != null && m.getOriginalMessage().startsWith("Unexpected end-of-input")) {
                return "malformed JSON";
            }
            return field.isEmpty() ? "request body has the wrong shape" : "field '" + field + "' is missing, malformed or of the wrong type";
        }
        return "malformed JSON";
    }
}
