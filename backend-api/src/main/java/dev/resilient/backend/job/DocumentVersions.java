package dev.resilient.backend.job;

import dev.resilient.backend.api.DocumentIn;
import dev.resilient.backend.service.Namespace;
import dev.resilient.kit.storage.ChunkWeight;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-document order across jobs: every submission of a document id gets the next version of it,
 * and a run writes a document (file and vector) only while it holds that document's newest version
 * and no other run is writing it. An older job's retry therefore never overwrites a newer
 * submission: it skips the document and says so in the job.
 */
@ApplicationScoped
public class DocumentVersions {

    /** What a run may do with one of its documents. */
    public enum Write {
        /** This run holds the newest version and is now its only writer. */
        GRANTED,
        /** A newer submission of the document exists: skip it. */
        SUPERSEDED,
        /** Another run is writing the same version (or an older one, finishing its step): wait. */
        BUSY
    }

    /**
     * Storage a submission adds to its project: new document ids and the change in bytes, each document
     * weighed as the vector store will weigh its chunk ({@link ChunkWeight#atMost}), so a user within the
     * backend's byte quota is within the vector store's.
     */
    public record Growth(int newDocuments, long bytes) {
    }

    /**
     * Gives each document of a submission its version (one more than the last submission of the same
     * id in the project; the last of repeats within one submission wins) and records its size. Joins the
     * submission's transaction; rows are locked, so concurrent submissions of one id get distinct versions.
     *
     * @return each document's version, in order, and what the submission adds to the project's storage
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Registered register(Namespace ns, List<DocumentIn> documents) {
        Map<String, ProjectDocument> rows = new LinkedHashMap<>();
        List<Long> versions = new ArrayList<>(documents.size());
        int added = 0;
        long bytes = 0;
        for (DocumentIn d : documents) {
            String key = ProjectDocument.key(ns.user(), ns.project(), d.id());
            ProjectDocument row = rows.computeIfAbsent(key,
                    k -> ProjectDocument.<ProjectDocument>findByIdOptional(k, LockModeType.PESSIMISTIC_WRITE).orElse(null));
            long size = ChunkWeight.atMost(d.id(), d.content(), Map.of("filename", d.filename()));
            if (row == null) {
                row = new ProjectDocument();
                row.id = key;
                row.owner = ns.user();
                row.project = ns.project();
                row.docId = d.id();
                row.latestVersion = 0;
                row.bytes = 0;
                rows.put(key, row);
                added++;
                row.persist();
            }
            bytes += size - row.bytes;
            row.bytes = size;
            row.latestVersion++;
            versions.add(row.latestVersion);
        }
        return new Registered(versions, new Growth(added, bytes));
    }

    /** The versions a submission's documents got, and the storage it adds. */
    public record Registered(List<Long> versions, Growth growth) {
    }

    /**
     * Makes {@code token} the writer of the document at {@code version}, until {@code until} (renewed by
     * {@link #renew}). One compare-and-set: granted only while {@code version} is the newest and the
     * document has no other live writer.
     */
    @Transactional
    public Write acquire(Namespace ns, String docId, long version, String token, Instant until) {
        Instant now = Instant.now();
        String key = ProjectDocument.key(ns.user(), ns.project(), docId);
        int won = ProjectDocument.update("writer = ?1, writerUntil = ?2 where id = ?3 and latestVersion = ?4 "
                + "and (writer is null or writer = ?1 or writerUntil < ?5)", token, until, key, version, now);
        if (won == 1) {
            return Write.GRANTED;
        }
        ProjectDocument row = ProjectDocument.findById(key);
        return row == null || row.latestVersion > version ? Write.SUPERSEDED : Write.BUSY;
    }

    /** Ends {@code token}'s write of the document (nothing when it no longer holds it). */
    @Transactional
    public void release(Namespace ns, String docId, String token) {
        ProjectDocument.update("writer = null, writerUntil = null where id = ?1 and writer = ?2",
                ProjectDocument.key(ns.user(), ns.project(), docId), token);
    }

    /** Extends the writes these runs hold (the heartbeat, with their leases). */
    @Transactional
    public void renew(Collection<String> tokens, Instant until) {
        if (!tokens.isEmpty()) {
            ProjectDocument.update("writerUntil = ?1 where writer in ?2", until, tokens);
        }
    }
}
