package dev.resilient.backend.job;

import dev.resilient.backend.service.Namespace;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
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

    /** The newest submitted version of document {@code docId} of {@code ns}'s project; empty when it was never submitted. */
    @Transactional
    public Optional<StoredDocument> newest(Namespace ns, String docId) {
        ProjectDocument row = ProjectDocument.findById(ProjectDocument.key(ns.user(), ns.project(), docId));
        return row == null ? Optional.empty() : version(ns, docId, row.latestVersion);
    }

    /** Version {@code version} of document {@code docId} of {@code ns}'s project; empty when none was stored. */
    @Transactional
    public Optional<StoredDocument> version(Namespace ns, String docId, long version) {
        return JobDocument.getEntityManager().createQuery("select d from JobDocument d, IngestionJob j where d.jobId = j.id "
                + "and j.owner = ?1 and j.project = ?2 and d.docId = ?3 and d.version = ?4", JobDocument.class)
                .setParameter(1, ns.user()).setParameter(2, ns.project()).setParameter(3, docId).setParameter(4, version)
                .setMaxResults(1).getResultStream().findFirst()
                .map(d -> new StoredDocument(d.docId, d.version, d.filename, d.content));
    }
}
