package dev.resilient.backend.service;

import dev.resilient.backend.api.DocumentIn;
import dev.resilient.backend.client.chroma.ChromaAddChunks;
import dev.resilient.backend.client.chroma.ChromaChunk;
import dev.resilient.backend.client.chroma.ChromaClient;
import dev.resilient.backend.client.filesystem.FilesystemClient;
import dev.resilient.backend.client.filesystem.SaveFileRequest;
import dev.resilient.backend.client.git.GitClient;
import dev.resilient.backend.client.git.SnapshotRequest;
import dev.resilient.backend.config.BackendConfig;
import dev.resilient.backend.resilience.Caller;
import dev.resilient.backend.resilience.ChromaGuard;
import dev.resilient.backend.resilience.Downstream;
import dev.resilient.backend.resilience.DownstreamCall;
import dev.resilient.backend.resilience.DownstreamClientError;
import dev.resilient.backend.resilience.Failures;
import dev.resilient.backend.resilience.FilesystemGuard;
import dev.resilient.backend.resilience.GitGuard;
import dev.resilient.backend.resilience.RetryDeniedException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Seed 000 Example 2's ingestion steps, run by the job worker: saving each file is best effort,
 * indexing it is critical (the job is retried, then fails, when it cannot be done), the git
 * snapshot is nice to have. Indexing is idempotent: the chunk id is the document id, so a retry
 * or re-run replaces instead of duplicating.
 */
@ApplicationScoped
public class IngestionService {

    private static final Logger LOG = Logger.getLogger(IngestionService.class);

    private final FilesystemClient filesystem;
    private final FilesystemGuard filesystemGuard;
    private final ChromaClient chroma;
    private final ChromaGuard chromaGuard;
    private final GitClient git;
    private final GitGuard gitGuard;
    private final String documentsFolder;

    IngestionService(@RestClient FilesystemClient filesystem, FilesystemGuard filesystemGuard,
            @RestClient ChromaClient chroma, ChromaGuard chromaGuard, @RestClient GitClient git, GitGuard gitGuard,
            BackendConfig config) {
        this.documentsFolder = config.search().documentsFolder();
        this.filesystem = filesystem;
        this.filesystemGuard = filesystemGuard;
        this.chroma = chroma;
        this.chromaGuard = chromaGuard;
        this.git = git;
        this.gitGuard = gitGuard;
    }

    /** Saves a document's file; best effort: false when the filesystem cannot take it. */
    public boolean save(Caller caller, Namespace ns, DocumentIn doc) {
        SaveFileRequest file = new SaveFileRequest(ns.key(), documentsFolder + "/" + doc.filename(), doc.content(), "overwrite");
        try {
            filesystemGuard.call(DownstreamCall.to(Downstream.FILESYSTEM, "POST /save_file", caller,
                    (budgetMs, criticality) -> filesystem.saveFile(budgetMs, criticality, ns.user(), file)));
            return true;
        } catch (RuntimeException e) {
            LOG.warnf("Failed to save %s (%s), continuing", doc.filename(), Failures.describe(e));
            return false;
        }
    }

    /**
     * Indexes a document as one chunk whose id is the document id (an upsert: never a duplicate).
     *
     * @throws IndexingFailedException when the vector store cannot take it: the critical step
     */
    public void index(Caller caller, Namespace ns, DocumentIn doc) {
        ChromaAddChunks chunks = new ChromaAddChunks(ns.collection(),
                List.of(new ChromaChunk(doc.id(), doc.content(), Map.of("filename", doc.filename()))));
        DownstreamCall<?> call = DownstreamCall.to(Downstream.CHROMA, "POST /add_chunks", caller,
                (budgetMs, criticality) -> chroma.addChunks(budgetMs, criticality, chunks));
        try {
            chromaGuard.call(call);
        } catch (RuntimeException e) {
            LOG.errorf("Failed to index %s (%s): the vector database is unavailable", doc.filename(), Failures.describe(e));
            boolean refusedByGuard = call.attempts() == 0 || e instanceof RetryDeniedException denied && denied.waitForBreaker();
            throw new IndexingFailedException(Failures.describe(e), refusedByGuard, e instanceof DownstreamClientError);
        }
    }

    /**
     * Records the git snapshot of job {@code jobId}; nice to have: false when git cannot take it. The job
     * id is the snapshot's idempotency key, so a retry whose first answer was lost, or a second run of
     * the job, never records a second snapshot.
     */
    public boolean snapshot(Caller caller, String jobId, Namespace ns, int indexed) {
        SnapshotRequest snapshot = new SnapshotRequest("Ingested " + indexed + " documents");
        try {
            gitGuard.call(DownstreamCall.to(Downstream.GIT, "POST /snapshot/{project_id}", caller,
                    (budgetMs, criticality) -> git.snapshot(budgetMs, criticality, jobId, ns.key(), snapshot)));
            return true;
        } catch (RuntimeException e) {
            LOG.warnf("Git snapshot failed (%s), skipping", Failures.describe(e));
            return false;
        }
    }
}
