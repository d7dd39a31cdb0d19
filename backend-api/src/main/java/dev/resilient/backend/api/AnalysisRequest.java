package dev.resilient.backend.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.resilient.backend.job.JobQueue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

/**
 * Body of {@code POST /v1/api/projects/{id}/documents/{doc}/analysis}, every field optional (an empty or
 * missing body is fine): {@code job_id} the caller's own id for the job (the same id for the same request is
 * the same job), {@code priority} -10..10, higher first (default 0).
 */
public record AnalysisRequest(
        @JsonProperty("job_id") @Pattern(regexp = JobQueue.JOB_ID_PATTERN) String jobId,
        @Min(JobQueue.MIN_PRIORITY) @Max(JobQueue.MAX_PRIORITY) Integer priority) {
}
