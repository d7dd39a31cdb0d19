package dev.resilient.backend.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * Answer of {@code GET /v1/api/jobs/{job_id}} (seed 004's {@code get_job_status}): any job type, its queue and
 * priority. The counts are ingestion's: {@code indexed} counts the documents handled, in order:
 * written, or skipped because a newer submission of the same document id exists; {@code superseded}
 * names the skipped ones. Other types have no documents (0 and empty).
 */
public record JobView(
        @JsonProperty("job_id") String jobId,
        String type,
        String queue,
        int priority,
        @JsonProperty("project_id") String projectId,
        String state,
        int attempts,
        @JsonProperty("max_attempts") int maxAttempts,
        @JsonProperty("next_attempt_at") Instant nextAttemptAt,
        int documents,
        int saved,
        int indexed,
        @JsonProperty("git_failed") Boolean gitFailed,
        @JsonProperty("last_error") String lastError,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("updated_at") Instant updatedAt,
        @JsonProperty("finished_at") Instant finishedAt,
        @JsonProperty("processed_by") String processedBy,
        List<String> superseded) {
}
