package dev.resilient.backend.analysis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.resilient.backend.api.AnalysisAnswer;
import dev.resilient.backend.api.DocumentAnalysis;
import dev.resilient.backend.cache.CacheRegion;
import dev.resilient.backend.cache.DistributedCache;
import dev.resilient.backend.job.IngestionJob;
import dev.resilient.backend.job.JobQueue;
import dev.resilient.backend.job.JobStore;
import dev.resilient.backend.job.JobViews;
import dev.resilient.backend.job.StoredDocuments;
import dev.resilient.backend.job.StoredDocuments.StoredDocument;
import dev.resilient.backend.mode.FeatureFlags;
import dev.resilient.backend.service.Namespace;
import dev.resilient.kit.errors.ApiError;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Seed 004's {@code ResilientAnalysisService.analyze_document} and {@code get_analysis_status}: the feature
 * flag, then the cache, then the persistent queue. An analysis is of one version of one document of the
 * caller's project; the cache holds it under that version, so a newer submission of the document is
 * analysed afresh.
 */
@ApplicationScoped
public class DocumentAnalysisService {

    private static final TypeReference<DocumentAnalysis> ANALYSIS = new TypeReference<>() {
    };

    /** What {@link #request} did: answered from the cache, queued a new job, or found the caller's job id's job. */
    public record Requested(AnalysisAnswer answer, IngestionJob job, boolean created) {
    }

    private final FeatureFlags features;
    private final StoredDocuments documents;
    private final DistributedCache cache;
    private final JobQueue queue;
    private final JobStore store;
    private final ObjectMapper json;

    DocumentAnalysisService(FeatureFlags features, StoredDocuments documents, DistributedCache cache, JobQueue queue,
            JobStore store, ObjectMapper json) {
        this.features = features;
        this.documents = documents;
        this.cache = cache;
        this.queue = queue;
        this.store = store;
        this.json = json;
    }

    /**
     * Answers the analysis of the newest version of {@code docId} from the cache, else queues a job computing it
     * (or finds the one {@code jobId} already names).
     *
     * @param jobId    the caller's job id, or null
     * @param priority -10..10, higher first
     * @throws ApiError 503 when {@code document-analysis} is off in the mode in force; 404 when the project has
     *         no such document; 400 for a bad priority or job id; 409 when the job id names another request;
     *         429 or 403 past the caller's job quotas
     */
    public Requested request(Namespace ns, String docId, String jobId, int priority) {
        features.require(FeatureFlags.DOCUMENT_ANALYSIS, "Document analysis");
        StoredDocument doc = document(ns, docId);
        AnalysisJob job = AnalysisJob.of(doc);
        String payload = payload(job);
        if (jobId == null) {
            Optional<DocumentAnalysis> cached = cache.get(CacheRegion.LLM, job.cacheKey(ns), ANALYSIS);
            if (cached.isPresent()) {
                return new Requested(AnalysisAnswer.cached(cached.get()), null, false);
            }
        } else {
            // the same job id again is the same job, as the queue promises, even once its analysis is cached
            Optional<IngestionJob> first = queue.replayOf(ns, AnalysisJob.TYPE, jobId, job.subject(), payload, priority);
            if (first.isPresent()) {
                return new Requested(AnalysisAnswer.ofJob(docId, doc.version(), JobViews.of(first.get())), first.get(), false);
            }
            Optional<DocumentAnalysis> cached = cache.get(CacheRegion.LLM, job.cacheKey(ns), ANALYSIS);
            if (cached.isPresent()) {
                return new Requested(AnalysisAnswer.cached(cached.get()), null, false);
            }
        }
        JobStore.Enqueued queued = queue.enqueue(ns, AnalysisJob.TYPE, jobId, job.subject(), payload, priority);
        return new Requested(AnalysisAnswer.ofJob(docId, doc.version(), JobViews.of(queued.job())), queued.job(),
                queued.created());
    }

    /**
     * The cached analysis of the newest version of {@code docId}, else the newest job analysing that version.
     * Served whatever the mode: reading a cached analysis costs no downstream anything.
     *
     * @throws ApiError 404 when the project has no such document, or the version was never analysed
     */
    public AnalysisAnswer read(Namespace ns, String docId) {
        StoredDocument doc = document(ns, docId);
        AnalysisJob job = AnalysisJob.of(doc);
        Optional<DocumentAnalysis> cached = cache.get(CacheRegion.LLM, job.cacheKey(ns), ANALYSIS);
        if (cached.isPresent()) {
            return AnalysisAnswer.cached(cached.get());
        }
        IngestionJob newest = store.newest(ns, AnalysisJob.TYPE, job.subject())
                .orElseThrow(() -> ApiError.of(404, "document '" + docId + "' (version " + doc.version()
                        + ") has no analysis: POST to this address to request one"));
        return AnalysisAnswer.ofJob(docId, doc.version(), JobViews.of(newest));
    }

    private StoredDocument document(Namespace ns, String docId) {
        return documents.newest(ns, docId).orElseThrow(() -> ApiError.of(404, "document '" + docId
                + "' not found in project '" + ns.project() + "': ingest it first"));
    }

    private String payload(AnalysisJob job) {
        try {
            return json.writeValueAsString(job);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an analysis payload is always JSON", e);
        }
    }
}
