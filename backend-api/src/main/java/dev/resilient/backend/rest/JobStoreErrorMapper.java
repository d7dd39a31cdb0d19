package dev.resilient.backend.rest;

import dev.resilient.backend.job.JobStoreException;
import dev.resilient.kit.errors.ErrorBody;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The job database unreachable or failing (down, no free connection within
 * {@code quarkus.datasource.jdbc.acquisition-timeout}, a transaction that could not commit): 503 JSON
 * with {@code Retry-After}, inside the request's budget, instead of a 500. The job store reports each of
 * these as a {@link JobStoreException} (Agroal's acquisition timeout is an {@link SQLException} too); a bare
 * {@link SQLException} that reaches a resource some other way is answered alike. Nothing was stored, so the
 * client may send the same request again (with its {@code Idempotency-Key}, it is never stored twice).
 */
public class JobStoreErrorMapper {

    private static final Logger LOG = Logger.getLogger(JobStoreErrorMapper.class);

    /** The 503 for {@code e}; never fails. */
    @ServerExceptionMapper({JobStoreException.class, SQLException.class})
    public Response unavailable(Exception e) {
        LOG.warnf("Job store unavailable: %s", e.getMessage());
        return Response.status(503).type(MediaType.APPLICATION_JSON_TYPE).header(HttpHeaders.RETRY_AFTER, "5")
                .entity(new ErrorBody("the job store is unavailable; nothing was stored, try again shortly")).build();
    }
}
