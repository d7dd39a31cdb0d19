package dev.resilient.backend.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Answer of {@code POST /v1/api/projects/{id}/documents}: the job to poll. */
public record JobAccepted(@JsonProperty("job_id") String jobId, String state) {
}
