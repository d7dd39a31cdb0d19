package dev.resilient.backend.job;

import java.sql.SQLException;

/**
 * The job database failed a unit of work: unreachable, no free connection within
 * {@code quarkus.datasource.jdbc.acquisition-timeout}, a statement refused (a unique key taken by a
 * concurrent writer, a lock it could not get) or a commit that failed. The unit was rolled back, so
 * nothing of it was written; the REST layer answers 503 ({@code rest/JobStoreErrorMapper}). Unchecked,
 * as the store's callers cannot do more than answer or try again.
 */
public class JobStoreException extends RuntimeException {

    /** @param cause the driver's or the pool's failure, kept as the cause with its SQL state */
    public JobStoreException(SQLException cause) {
        super("job database: " + cause.getMessage(), cause);
    }
}
