package dev.resilient.backend.rest;

import dev.resilient.kit.errors.ErrorBody;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The job database unreachable or failing (down, no free connection within
 * {@code quarkus.datasource.jdbc.acquisition-timeout}, a transaction that could not commit): 503 JSON
 * with {@code Retry-After}, inside the request's budget, instead of a 500. Nothing was stored, so the
 * client may send the same request again (with its {@code Idempotency-Key}, it is never stored twice).
 */
public class JobStoreErrorMapper {

    private static final Logger LOG = Logger.getLogger(JobStoreErrorMapper.class);

    @ServerExceptionMapper({PersistenceException.class, TransactionalException.class, SQLException.class})
    public Response unavailable(Exception e) {
        LOG.warnf("Job store unavailable: %s", e.getMessage());
        return Response.status(503).type(MediaType.APPLICATION_JSON_TYPE).header(HttpHeaders.RETRY_AFTER, "5")
                .entity(new ErrorBody("the job store is unavailable; nothing was stored, try again shortly")).build();
    }
}
