package dev.resilient.backend.job;

import dev.resilient.backend.api.JobView;

/** A job as its owner sees it ({@code GET /v1/api/jobs/{job_id}} and the analysis answers). */
public final class JobViews {

    private JobViews() {
    }

    /** The view of {@code j}: its public id, type, queue, priority, state and counts. Never fails. */
    public static JobView of(IngestionJob j) {
        return new JobView(j.publicId, j.type, j.queue, j.priority, j.project, j.state.wire(), j.attempts, j.maxAttempts,
                j.nextAttemptAt, j.documentCount, j.saved, j.indexed, j.gitFailed, j.lastError, j.createdAt, j.updatedAt,
                j.finishedAt, j.leasedBy, j.supersededDocuments());
    }
}
