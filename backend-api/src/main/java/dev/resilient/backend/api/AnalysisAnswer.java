package dev.resilient.backend.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Answer of the analysis endpoints: the analysis when it is cached ({@code status: "cached"}, {@code source:
 * "cache"}, no job), else the job computing it ({@code status} its state, {@code source: "queue"}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AnalysisAnswer(
        String status,
        String source,
        @JsonProperty("document_id") String documentId,
        long version,
        @JsonProperty("job_id") String jobId,
        DocumentAnalysis analysis,
        JobView job) {

    /** The analysis served from the cache. */
    public static AnalysisAnswer cached(DocumentAnalysis analysis) {
        return new AnalysisAnswer("cached", "cache", analysis.documentId(), analysis.version(), null, analysis, null);
    }

    /** The job computing (or that computed) the analysis of {@code documentId} at {@code version}. */
    public static AnalysisAnswer ofJob(String documentId, long version, JobView job) {
        return new AnalysisAnswer(job.state(), "queue", documentId, version, job.jobId(), null, job);
    }
}
