package dev.resilient.backend.analysis;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.resilient.backend.job.StoredDocuments.StoredDocument;
import dev.resilient.backend.service.Namespace;
import dev.resilient.kit.hash.Hashes;

/**
 * The payload of a {@value #TYPE} job: which version of which document, and the hash of its content.
 * The cache key and the job's subject derive from it, so the endpoint and the handler agree on both.
 */
public record AnalysisJob(
        @JsonProperty("document_id") String documentId,
        long version,
        @JsonProperty("content_sha256") String contentSha256) {

    /** The job type (seed 004's {@code analyze_document}). */
    public static final String TYPE = "document-analysis";
    /** Its queue (seed 004's {@code queue_name="analysis_queue"}). */
    public static final String QUEUE = "analysis";

    /** The analysis job of a stored document version. */
    public static AnalysisJob of(StoredDocument doc) {
        return new AnalysisJob(doc.id(), doc.version(), Hashes.sha256Hex(doc.content()));
    }

    /** What the job is about, for finding the newest job of the version: {@code <doc>@<version>}. */
    public String subject() {
        return documentId + "@" + version;
    }

    /**
     * The analysis' key in the cache: owner, project, document and version (seed 004's {@code analysis:<document_id>}),
     * plus the content's hash: a job database started afresh numbers versions from 1 again, and the disk and
     * Redis levels may still hold an analysis of another content under the same number.
     */
    public String cacheKey(Namespace ns) {
        return "analysis/" + ns.user() + "/" + ns.project() + "/" + subject() + "/" + contentSha256.substring(0, 16);
    }
}
