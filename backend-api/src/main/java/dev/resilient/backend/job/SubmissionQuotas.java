package dev.resilient.backend.job;

import dev.resilient.backend.config.QuotaConfig;
import dev.resilient.backend.persistence.Sql;
import dev.resilient.backend.service.Namespace;
import dev.resilient.kit.errors.ApiError;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;

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

    /** A project's documents and their bytes, as the submission leaves them. */
    private record ProjectTotals(long documents, long bytes) {
    }

    private final QuotaConfig config;
    private final JobDatabase db;

    SubmissionQuotas(QuotaConfig config, JobDatabase db) {
        this.config = config;
        this.db = db;
    }

    /**
     * @throws jakarta.ws.rs.WebApplicationException 429 when the user has {@code waiting-jobs-per-user}
     *         jobs waiting or running; 403 when the project is new and the user has {@code projects-per-user}
     * @throws JobStoreException when the database fails
     */
    public void check(Namespace ns) {
        db.inTransaction(c -> {
            long waiting = count(c, "SELECT COUNT(*) FROM ingestion_job WHERE owner = ? AND state IN (?, ?, ?)",
                    ns.user(), JobState.QUEUED, JobState.RETRYING, JobState.RUNNING);
            if (waiting >= config.waitingJobsPerUser()) {
                throw ApiError.of(429, "You have " + waiting + " jobs waiting or running, the most one user may have ("
                        + config.waitingJobsPerUser() + "): submit more once they finish");
            }
            if (count(c, "SELECT COUNT(*) FROM ingestion_job WHERE owner = ? AND project = ?", ns.user(), ns.project()) == 0) {
                long projects = count(c, "SELECT COUNT(DISTINCT project) FROM ingestion_job WHERE owner = ?", ns.user());
                if (projects >= config.projectsPerUser()) {
                    throw ApiError.of(403, "Project limit reached: you have " + projects
                            + " projects, the most one user may have (" + config.projectsPerUser() + ")");
                }
            }
            return null;
        });
    }

    /**
     * Checks the project and the user after a submission's documents were registered, in its transaction
     * {@code tx} (a refusal rolls the whole submission back).
     *
     * @throws jakarta.ws.rs.WebApplicationException 403 past {@code documents-per-project}; 413 past
     *         {@code bytes-per-project} or {@code bytes-per-user}
     * @throws SQLException when the database fails
     */
    public void checkStorage(Connection tx, Namespace ns, DocumentVersions.Growth growth) throws SQLException {
        if (growth.newDocuments() == 0 && growth.bytes() <= 0) {
            return; // replacing documents with smaller ones never passes a limit
        }
        ProjectTotals project = Sql.first(tx, "SELECT COUNT(*), COALESCE(SUM(bytes), 0) FROM project_document "
                + "WHERE owner = ? AND project = ?", r -> new ProjectTotals(r.getLong(1), r.getLong(2)),
                ns.user(), ns.project()).orElseThrow();
        if (growth.newDocuments() > 0 && project.documents() > config.documentsPerProject()) {
            throw ApiError.of(403, "Document limit reached: project " + ns.project() + " would hold " + project.documents()
                    + " documents, the most one project may hold (" + config.documentsPerProject() + ")");
        }
        if (project.bytes() > config.bytesPerProject()) {
            throw ApiError.of(413, "Storage limit reached: project " + ns.project() + " would hold " + project.bytes()
                    + " bytes of documents, the most one project may hold (" + config.bytesPerProject() + ")");
        }
        long userBytes = count(tx, "SELECT COALESCE(SUM(bytes), 0) FROM project_document WHERE owner = ?", ns.user());
        if (userBytes > config.bytesPerUser()) {
            throw ApiError.of(413, "Storage limit reached: your projects would hold " + userBytes
                    + " bytes of documents, the most one user may hold (" + config.bytesPerUser() + ")");
        }
    }

    /** The single number a {@code COUNT} or {@code SUM} query answers. */
    private static long count(Connection c, String sql, Object... values) throws SQLException {
        return Sql.first(c, sql, r -> r.getLong(1), values).orElseThrow();
    }
}
