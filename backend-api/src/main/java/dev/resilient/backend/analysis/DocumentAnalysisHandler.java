package dev.resilient.backend.analysis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.resilient.backend.api.DocumentAnalysis;
import dev.resilient.backend.cache.CacheRegion;
import dev.resilient.backend.cache.DistributedCache;
import dev.resilient.backend.client.llm.ChatMessage;
import dev.resilient.backend.config.AnalysisConfig;
import dev.resilient.backend.job.JobHandler;
import dev.resilient.backend.job.JobResult;
import dev.resilient.backend.job.JobRun;
import dev.resilient.backend.job.StoredDocuments;
import dev.resilient.backend.job.StoredDocuments.StoredDocument;
import dev.resilient.backend.mode.FeatureFlags;
import dev.resilient.backend.resilience.Caller;
import dev.resilient.backend.resilience.Failures;
import dev.resilient.backend.service.LlmAnswer;
import dev.resilient.backend.service.LlmService;
import dev.resilient.backend.service.LlmUserLimits;
import dev.resilient.backend.service.Namespace;
import dev.resilient.kit.hash.Hashes;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Seed 004's {@code _handle_analysis_job}: reads the document version from the job database, asks the LLM
 * through {@link LlmService} (the primary provider, else the secondary; each provider's guard, the backend's
 * LLM rate limit and the owner's own apply) for the advanced model while {@code advanced-llm-models} is on,
 * else the lighter one, and caches the analysis under the version. Any LLM failure answers retry, the seed's
 * {@code return False}: the queue runs it again after its backoff, up to its attempts.
 */
@ApplicationScoped
public class DocumentAnalysisHandler implements JobHandler {

    private static final Logger LOG = Logger.getLogger(DocumentAnalysisHandler.class);

    private final StoredDocuments documents;
    private final LlmService llm;
    private final LlmUserLimits userLimits;
    private final FeatureFlags features;
    private final DistributedCache cache;
    private final AnalysisConfig config;
    private final ObjectMapper json;

    DocumentAnalysisHandler(StoredDocuments documents, LlmService llm, LlmUserLimits userLimits, FeatureFlags features,
            DistributedCache cache, AnalysisConfig config, ObjectMapper json) {
        this.documents = documents;
        this.llm = llm;
        this.userLimits = userLimits;
        this.features = features;
        this.cache = cache;
        this.config = config;
        this.json = json;
    }

    @Override
    public String type() {
        return AnalysisJob.TYPE;
    }

    @Override
    public String queue() {
        return AnalysisJob.QUEUE;
    }

    /**
     * @return done once the analysis is cached; retry when no LLM answered (both providers down, a rate limit);
     *         failed when the payload is unreadable or the document version is no longer stored
     */
    @Override
    public JobResult handle(JobRun run) {
        Namespace ns = run.job().namespace();
        AnalysisJob job;
        try {
            job = json.readValue(run.job().payload(), AnalysisJob.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return JobResult.failed("unreadable analysis payload: " + e.getMessage());
        }
        Optional<StoredDocument> doc = documents.version(ns, job.documentId(), job.version());
        if (doc.isEmpty() || !Hashes.sha256Hex(doc.get().content()).equals(job.contentSha256())) {
            return JobResult.failed("document " + job.subject() + " is no longer stored");
        }
        boolean advanced = features.isEnabled(FeatureFlags.ADVANCED_LLM_MODELS);
        List<ChatMessage> prompt = prompt(doc.get());
        Caller caller = Caller.background(ns.user(), "analysis");
        LlmAnswer answer;
        try {
            answer = userLimits.within(ns.user(), () -> llm.complete(caller, prompt, advanced), LlmAnswer.class);
        } catch (RuntimeException e) {
            return JobResult.retry("no LLM answered: " + Failures.describe(e));
        }
        DocumentAnalysis analysis = new DocumentAnalysis(job.documentId(), job.version(), answer.text(), answer.provider(),
                answer.model(), Instant.now());
        cache.set(CacheRegion.LLM, job.cacheKey(ns), analysis, config.cacheTtl());
        LOG.infof("Job %s: analysis of %s by %s (%s) cached", run.job().publicId(), job.subject(), answer.provider(),
                answer.model());
        return JobResult.done();
    }

    /** Seed 004's {@code _prepare_analysis_prompt}: the instruction, then the document, cut to {@code backend.analysis.max-chars}. */
    private List<ChatMessage> prompt(StoredDocument doc) {
        String content = doc.content();
        String text = content.length() > config.maxChars() ? content.substring(0, config.maxChars()) : content;
        return List.of(new ChatMessage("system", "Analyse the document below: summarise it, list its main topics, "
                        + "and name anything its reader must act on."),
                new ChatMessage("user", "Document " + doc.filename() + ":\n" + text));
    }
}
