package dev.resilient.backend.job;

import dev.resilient.backend.persistence.Sql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * A document id of a user's project, across all its submissions (table {@code project_document}): the newest
 * submitted version (the only one a job may write), that version's size (for the storage quotas) and who is
 * writing it now. {@code writer} is the lease token of the run writing it, until {@code writerUntil}:
 * one writer at a time, so versions reach the downstreams in the order they were submitted.
 *
 * @param id {@code owner/project/docId} ({@link #key}): one row per document of a project
 */
public record ProjectDocument(String id, String owner, String project, String docId, long latestVersion, long bytes,
        String writer, Instant writerUntil) {

    private static final String SELECT = "SELECT id, owner, project, doc_id, latest_version, bytes, writer, writer_until "
            + "FROM project_document WHERE id = ?";

    static String key(String owner, String project, String docId) {
        return owner + "/" + project + "/" + docId;
    }

    /** The row of {@code id}, if the document was ever submitted. */
    static Optional<ProjectDocument> find(Connection c, String id) throws SQLException {
        return Sql.first(c, SELECT, ProjectDocument::read, id);
    }

    /**
     * The row of {@code id}, locked until the transaction ends ({@code FOR UPDATE}), so concurrent submissions of
     * the document take turns; empty when it was never submitted (nothing is locked then: two first submissions
     * race on the insert, and the second fails on the primary key).
     */
    static Optional<ProjectDocument> lock(Connection c, String id) throws SQLException {
        return Sql.first(c, SELECT + " FOR UPDATE", ProjectDocument::read, id);
    }

    private static ProjectDocument read(ResultSet r) throws SQLException {
        return new ProjectDocument(r.getString("id"), r.getString("owner"), r.getString("project"), r.getString("doc_id"),
                r.getLong("latest_version"), r.getLong("bytes"), r.getString("writer"), Sql.instant(r, "writer_until"));
    }
}
