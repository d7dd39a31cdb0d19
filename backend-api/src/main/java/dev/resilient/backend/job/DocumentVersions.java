package dev.resilient.backend.job;

import dev.resilient.backend.api.DocumentIn;
import dev.resilient.backend.persistence.Sql;
import dev.resilient.backend.service.Namespace;
import dev.resilient.kit.storage.ChunkWeight;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    /** The versions a submission's documents got, and the storage it adds. */
    public record Registered(List<Long> versions, Growth growth) {
    }

    /** A document's row as a submission leaves it: its newest version and that version's size. */
    private static final class Pending {
        final String docId;
        final boolean added;
        long latestVersion;
        long bytes;

        Pending(String docId, boolean added, long latestVersion, long bytes) {
            this.docId = docId;
            this.added = added;
            this.latestVersion = latestVersion;
            this.bytes = bytes;
        }
    }

    private final JobDatabase db;

    DocumentVersions(JobDatabase db) {
        this.db = db;
    }

    /**
     * Gives each document of a submission its version (one more than the last submission of the same
     * id in the project; the last of repeats within one submission wins) and records its size, in the
     * submission's transaction {@code tx}. Existing rows are locked, so concurrent submissions of one id get
     * distinct versions.
     *
     * @return each document's version, in order, and what the submission adds to the project's storage
     * @throws SQLException when the database fails, or a concurrent submission added one of these new document
     *         ids first (primary key): the caller rolls back, and submitting again finds the row
     */
    public Registered register(Connection tx, Namespace ns, List<DocumentIn> documents) throws SQLException {
        Map<String, Pending> rows = new LinkedHashMap<>();
        List<Long> versions = new ArrayList<>(documents.size());
        int added = 0;
        long bytes = 0;
        for (DocumentIn d : documents) {
            String key = ProjectDocument.key(ns.user(), ns.project(), d.id());
            Pending row = rows.get(key);
            if (row == null) {
                row = ProjectDocument.lock(tx, key).map(p -> new Pending(d.id(), false, p.latestVersion(), p.bytes()))
                        .orElseGet(() -> new Pending(d.id(), true, 0, 0));
                rows.put(key, row);
                added += row.added ? 1 : 0;
            }
            long size = ChunkWeight.atMost(d.id(), d.content(), Map.of("filename", d.filename()));
            bytes += size - row.bytes;
            row.bytes = size;
            row.latestVersion++;
            versions.add(row.latestVersion);
        }
        for (Map.Entry<String, Pending> row : rows.entrySet()) {
            write(tx, ns, row.getKey(), row.getValue());
        }
        return new Registered(versions, new Growth(added, bytes));
    }

    /** One write per document however often the submission repeats it, as the locked row was read once. */
    private static void write(Connection tx, Namespace ns, String key, Pending row) throws SQLException {
        if (row.added) {
            Sql.update(tx, "INSERT INTO project_document (id, owner, project, doc_id, latest_version, bytes) "
                    + "VALUES (?, ?, ?, ?, ?, ?)", key, ns.user(), ns.project(), row.docId, row.latestVersion, row.bytes);
        } else {
            Sql.update(tx, "UPDATE project_document SET latest_version = ?, bytes = ? WHERE id = ?",
                    row.latestVersion, row.bytes, key);
        }
    }

    /**
     * Makes {@code token} the writer of the document at {@code version}, until {@code until} (renewed by
     * {@link #renew}). One compare-and-set: granted only while {@code version} is the newest and the
     * document has no other live writer.
     *
     * @throws JobStoreException when the database fails (nothing was granted)
     */
    public Write acquire(Namespace ns, String docId, long version, String token, Instant until) {
        Instant now = Instant.now();
        String key = ProjectDocument.key(ns.user(), ns.project(), docId);
        return db.inTransaction(c -> {
            int won = Sql.update(c, "UPDATE project_document SET writer = ?, writer_until = ? WHERE id = ? "
                    + "AND latest_version = ? AND (writer IS NULL OR writer = ? OR writer_until < ?)",
                    token, until, key, version, token, now);
            if (won == 1) {
                return Write.GRANTED;
            }
            Optional<ProjectDocument> row = ProjectDocument.find(c, key);
            return row.isEmpty() || row.get().latestVersion() > version ? Write.SUPERSEDED : Write.BUSY;
        });
    }

    /**
     * Ends {@code token}'s write of the document (nothing when it no longer holds it).
     *
     * @throws JobStoreException when the database fails; the write then ends with its lease
     */
    public void release(Namespace ns, String docId, String token) {
        db.inTransaction(c -> Sql.update(c, "UPDATE project_document SET writer = NULL, writer_until = NULL "
                + "WHERE id = ? AND writer = ?", ProjectDocument.key(ns.user(), ns.project(), docId), token));
    }

    /**
     * Extends the writes these runs hold (the heartbeat, with their leases).
     *
     * @throws JobStoreException when the database fails; nothing was extended
     */
    public void renew(Collection<String> tokens, Instant until) {
        if (tokens.isEmpty()) {
            return;
        }
        List<Object> values = new ArrayList<>(tokens.size() + 1);
        values.add(until);
        values.addAll(tokens);
        db.inTransaction(c -> Sql.update(c, "UPDATE project_document SET writer_until = ? WHERE writer IN ("
                + Sql.markers(tokens.size()) + ")", values.toArray()));
    }
}
