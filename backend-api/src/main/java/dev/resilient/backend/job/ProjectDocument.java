package dev.resilient.backend.job;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A document id of a user's project, across all its submissions: the newest submitted version
 * (the only one a job may write), that version's size (for the storage quotas) and who is
 * writing it now. {@code writer} is the lease token of the run writing it, until {@code writerUntil}:
 * one writer at a time, so versions reach the downstreams in the order they were submitted.
 */
@Entity
@Table(name = "project_document")
public class ProjectDocument extends PanacheEntityBase {

    /** {@code owner/project/docId}: one row per document of a project. */
    @Id
    public String id;
    public String owner;
    public String project;
    @Column(name = "doc_id")
    public String docId;
    @Column(name = "latest_version")
    public long latestVersion;
    public long bytes;
    public String writer;
    @Column(name = "writer_until")
    public Instant writerUntil;

    static String key(String owner, String project, String docId) {
        return owner + "/" + project + "/" + docId;
    }
}
