package dev.resilient.backend.job;

import dev.resilient.backend.persistence.Sql;
import dev.resilient.backend.service.Namespace;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The documents a project's ingestion jobs stored, by version ({@link DocumentVersions}): what a job of
 * another type (document analysis) reads, from the job database, so it needs neither the filesystem nor
 * the vector store.
 */
@ApplicationScoped
public class StoredDocuments {

    /** One stored version of a document. */
    public record StoredDocument(String id, long version, String filename, String content) {
    }

    private final JobDatabase db;

    StoredDocuments(JobDatabase db) {
        this.db = db;
    }

    /**
     * The newest submitted version of document {@code docId} of {@code ns}'s project; empty when it was never submitted.
     *
     * @throws JobStoreException when the database fails
     */
    public Optional<StoredDocument> newest(Namespace ns, String docId) {
        return db.inTransaction(c -> {
            Optional<ProjectDocument> row = ProjectDocument.find(c, ProjectDocument.key(ns.user(), ns.project(), docId));
            return row.isEmpty() ? Optional.empty() : version(c, ns, docId, row.get().latestVersion());
        });
    }

    /**
     * Version {@code version} of document {@code docId} of {@code ns}'s project; empty when none was stored.
     *
     * @throws JobStoreException when the database fails
     */
    public Optional<StoredDocument> version(Namespace ns, String docId, long version) {
        return db.inTransaction(c -> version(c, ns, docId, version));
    }

    private static Optional<StoredDocument> version(Connection c, Namespace ns, String docId, long version)
            throws SQLException {
        return Sql.first(c, "SELECT d.doc_id, d.version, d.filename, d.content FROM ingestion_document d "
                + "JOIN ingestion_job j ON j.id = d.job_id WHERE j.owner = ? AND j.project = ? AND d.doc_id = ? "
                + "AND d.version = ?", r -> new StoredDocument(r.getString("doc_id"), r.getLong("version"),
                        r.getString("filename"), r.getString("content")), ns.user(), ns.project(), docId, version);
    }
}
