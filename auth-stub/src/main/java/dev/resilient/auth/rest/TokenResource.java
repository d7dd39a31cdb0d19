package dev.resilient.auth.rest;

import dev.resilient.auth.model.TokenRequest;
import dev.resilient.auth.model.TokenResponse;
import dev.resilient.auth.service.TokenIssuer;
import dev.resilient.auth.service.UserDirectory;
import jakarta.validation.Valid;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The login endpoint: public, like an identity provider's token endpoint. */
@Path("/token")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class TokenResource {

    static final String INVALID_CREDENTIALS = "invalid credentials";

    private final UserDirectory users;
    private final TokenIssuer issuer;

    TokenResource(UserDirectory users, TokenIssuer issuer) {
        this.users = users;
        this.issuer = issuer;
    }

    /**
     * Exchanges a username and password for a signed access token:
     * {@code {"access_token","token_type":"Bearer","expires_in"}}, with {@code Cache-Control: no-store}.
     * Answers 401 {@code {"error":"invalid credentials"}} for an unknown user or a wrong password
     * (the same answer for both), 400 for a missing body or a missing, blank or oversized field.
     */
    @POST
    public Response token(@Valid TokenRequest request) {
        if (request == null) {
            throw new BadRequestException("a JSON body with 'username' and 'password' is required");
        }
        TokenResponse token = users.authenticate(request.username(), request.password())
                .map(groups -> issuer.issue(request.username(), groups))
                .orElseThrow(() -> new WebApplicationException(INVALID_CREDENTIALS, Response.Status.UNAUTHORIZED));
        return Response.ok(token).header("Cache-Control", "no-store").build();
    }
}
