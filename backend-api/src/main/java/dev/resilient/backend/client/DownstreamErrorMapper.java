package dev.resilient.backend.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.resilient.backend.resilience.DownstreamCapacityError;
import dev.resilient.backend.resilience.DownstreamClientError;
import dev.resilient.backend.resilience.DownstreamException;
import dev.resilient.backend.resilience.DownstreamServerError;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * Turns every downstream error answer into {@link DownstreamClientError} (4xx) or
 * {@link DownstreamServerError} (5xx), the split the fault-tolerance policy needs: a 4xx is
 * neither retried nor a breaker failure. Capacity and quota answers (507, 413, 429) are
 * {@link DownstreamCapacityError}, a client error too: a full store is not a broken service.
 * Registered for all REST clients.
 */
@Provider
public class DownstreamErrorMapper implements ResponseExceptionMapper<DownstreamException> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public boolean handles(int status, MultivaluedMap<String, Object> headers) {
        return status >= 400;
    }

    @Override
    public DownstreamException toThrowable(Response response) {
        String body = null;
        try {
            body = response.hasEntity() ? response.readEntity(String.class) : null;
        } catch (RuntimeException ignored) {
            // a body we cannot read changes nothing about the status
        }
        String error = errorField(body);
        int status = response.getStatus();
        if (DownstreamCapacityError.isCapacity(status)) {
            return new DownstreamCapacityError(status, error, body);
        }
        return status < 500 ? new DownstreamClientError(status, error, body) : new DownstreamServerError(status, error, body);
    }

    private static String errorField(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(body).get("error");
            return node == null ? null : node.isTextual() ? node.asText() : node.toString();
        } catch (Exception e) {
            return null;
        }
    }
}
