package dev.resilient.backend.rest;

import dev.resilient.kit.errors.ErrorBody;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * 401/403 with the suite's JSON error instead of Quarkus' empty answers. Works because
 * {@code quarkus.http.auth.proactive=false}: authentication then fails inside the REST layer.
 */
public class SecurityErrorMappers {

    @ServerExceptionMapper({AuthenticationFailedException.class, UnauthorizedException.class})
    public Response unauthorized() {
        return Response.status(401).type(MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .entity(new ErrorBody("missing, invalid or expired bearer token")).build();
    }

    @ServerExceptionMapper(ForbiddenException.class)
    public Response forbidden() {
        return Response.status(403).type(MediaType.APPLICATION_JSON_TYPE).entity(new ErrorBody("forbidden")).build();
    }
}
