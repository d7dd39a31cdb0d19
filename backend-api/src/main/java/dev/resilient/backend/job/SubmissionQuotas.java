package dev.resilient.backend.job;

import dev.resilient.backend.config.QuotaConfig;
import dev.resilient.backend.service.Namespace;
import dev.resilient.kit.errors.ApiError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * The per-user quotas checked when a job is submitted ({@link QuotaConfig}): a user's flood of jobs,
 * of new projects or of documents is refused with a 4xx naming the limit, instead of filling the
 * queue, the vector store or the database for everyone. Counted from the tables every backend process
 * shares, so the limits hold across replicas. The job and project counts are read before the job is
 * stored (two submissions racing may pass one over: they bound a flood); the storage counts are read
 * inside the submission's transaction, after its documents' rows were locked.
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
            throw ApiError.of(429, "You have " + waiting + " jobs waiting or running, the most one user may have ("
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

    /**
     * Checks the project and the user after a submission's documents were registered, in its transaction
     * (a refusal rolls the whole submission back).
     *
     * @throws jakarta.ws.rs.WebApplicationException 403 past {@code documents-per-project}; 413 past
     *         {@code bytes-per-project} or {@code bytes-per-user}
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void checkStorage(Namespace ns, DocumentVersions.Growth growth) {
        if (growth.newDocuments() == 0 && growth.bytes() <= 0) {
            return; // replacing documents with smaller ones never passes a limit
        }
        Object[] project = ProjectDocument.getEntityManager().createQuery(
                "select count(*), coalesce(sum(bytes), 0) from ProjectDocument where owner = ?1 and project = ?2",
                Object[].class).setParameter(1, ns.user()).setParameter(2, ns.project()).getSingleResult();
        long documents = ((Number) project[0]).longValue();
        if (growth.newDocuments() > 0 && documents > config.documentsPerProject()) {
            throw ApiError.of(403, "Document limit reached: project " + ns.project() + " would hold " + documents
                    + " documents, the most one project may hold (" + config.documentsPerProject() + ")");
        }
        long projectBytes = ((Number) project[1]).longValue();
        if (projectBytes > config.bytesPerProject()) {
            throw ApiError.of(413, "Storage limit reached: project " + ns.project() + " would hold " + projectBytes
                    + " bytes of documents, the most one project may hold (" + config.bytesPerProject() + ")");
        }
        long userBytes = ProjectDocument.getEntityManager().createQuery(
                "select coalesce(sum(bytes), 0) from ProjectDocument where owner = ?1", Number.class)
                .setParameter(1, ns.user()).getSingleResult().longValue();
        if (userBytes > config.bytesPerUser()) {
            throw ApiError.of(413, "Storage limit reached: your projects would hold " + userBytes
                    + " bytes of documents, the most one user may hold (" + config.bytesPerUser() + ")");
        }
    }
}
