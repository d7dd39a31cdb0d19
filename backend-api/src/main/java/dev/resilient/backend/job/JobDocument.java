package dev.resilient.backend.job;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One document of a job, stored with it so a restart loses nothing. {@code version} is the
 * document's submission number in its project ({@link ProjectDocument}): a run writes it only while
 * no newer submission of the same document id exists.
 */
@Entity
@Table(name = "ingestion_document")
public class JobDocument extends PanacheEntityBase {

    @Id
    public String id;
    @Column(name = "job_id")
    public String jobId;
    public int seq;
    @Column(name = "doc_id")
    public String docId;
    public String filename;
    @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
    public String content;
    public long version;
}
