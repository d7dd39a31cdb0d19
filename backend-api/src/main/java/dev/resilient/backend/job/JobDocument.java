package dev.resilient.backend.job;

import dev.resilient.backend.persistence.Sql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One document of a job (table {@code ingestion_document}), stored with it so a restart loses nothing.
 * {@code version} is the document's submission number in its project ({@link ProjectDocument}): a run
 * writes it only while no newer submission of the same document id exists.
 *
 * @param id  {@code <job id>:<seq>}
 * @param seq its place in the job's submission, from 0
 */
public record JobDocument(String id, String jobId, int seq, String docId, String filename, String content, long version) {

    /** A job's documents in submission order. */
    static final String OF_JOB = "SELECT id, job_id, seq, doc_id, filename, content, version FROM ingestion_document "
            + "WHERE job_id = ? ORDER BY seq";

    /** The document of the current row of a query that selected every column. */
    static JobDocument read(ResultSet r) throws SQLException {
        return new JobDocument(r.getString("id"), r.getString("job_id"), r.getInt("seq"), r.getString("doc_id"),
                r.getString("filename"), r.getString("content"), r.getLong("version"));
    }

    /** Inserts this document as a new row; its job's row must exist (foreign key). */
    void insert(Connection c) throws SQLException {
        Sql.update(c, "INSERT INTO ingestion_document (id, job_id, seq, doc_id, filename, content, version) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)", id, jobId, seq, docId, filename, content, version);
    }
}
