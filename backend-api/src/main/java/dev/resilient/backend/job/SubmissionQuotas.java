package dev.resilient.backend.job;

import dev.resilient.backend.config.QuotaConfig;
import dev.resilient.backend.service.Namespace;
import dev.resilient.kit.errors.ApiError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * The per-user quotas checked before a job is stored ({@link QuotaConfig}): a user's flood of jobs
 * or of new projects is refused with a 4xx naming the limit, instead of filling the queue, the
 * vector store's collections or the database for everyone. Counted from the job table, which every
 * backend process shares, so the limits hold across replicas (two submissions racing may pass one
 * over: the limits bound a flood, they are not an exact allowance).
 */
@ApplicationScoped
public class SubmissionQuotas {

    private static final List<JobState> WAITING = List.of(JobState.QUEUED, JobState.RETRYING, JobState.RUNNING);

    private final QuotaConfig config;

    SubmissionQuotas(QuotaConfig config) {
        this.config = config;
    }

    /**
     * @throws jakarta.ws.rs.WebApplicationException 429 when the user has {@code waiting-jobs-per-user}
     *         jobs waiting or running; 403 when the project is new and the user has {@code projects-per-user}
     */
    @Transactional
    public void check(Namespace ns) {
        long waiting = IngestionJob.count("owner = ?1 and state in ?2", ns.user(), WAITING);
        if (waiting >= config.waitingJobsPerUser()) {
            throw ApiError.of(429, "You have " + waiting + " ingestion jobs waiting or running, the most one user may have ("
                    + config.waitingJobsPerUser() + "): submit more once they finish");
        }
        if (IngestionJob.count("owner = ?1 and project = ?2", ns.user(), ns.project()) == 0) {
            long projects = IngestionJob.getEntityManager()
                    .createQuery("select count(distinct project) from IngestionJob where owner = ?1", Long.class)
                    .setParameter(1, ns.user()).getSingleResult();
            if (projects >= config.projectsPerUser()) {
                throw ApiError.of(403, "Project limit reached: you have " + projects + " projects, the most one user may have ("
                        + config.projectsPerUser() + ")");
            }
        }
    }
}
