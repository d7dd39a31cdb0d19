package dev.resilient.backend.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Seed 000 Example 2's result: files saved (best effort), chunks indexed (critical), git snapshot failed (nice to have). */
public record IngestResult(int saved, int indexed, @JsonProperty("git_failed") boolean gitFailed) {
}
