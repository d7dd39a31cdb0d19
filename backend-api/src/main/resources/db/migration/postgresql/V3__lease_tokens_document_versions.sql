-- A lease per claim: every write of a run names its claim's token, so a run whose lease was
-- taken over (it was presumed dead) is refused, even in the process that now holds the job again.
ALTER TABLE ingestion_job ADD COLUMN lease_token VARCHAR(36);
-- Documents of this job that a newer submission superseded (skipped, not written): ids, comma-separated.
ALTER TABLE ingestion_job ADD COLUMN superseded VARCHAR(1000);

-- Per-document order: each submission of a document id gets the next version; only the newest
-- version is written, one writer at a time (writer = the claim's lease token, until its lease ends).
-- bytes: the newest version's content size, for the per-project and per-user storage quotas.
CREATE TABLE project_document (
    id             VARCHAR(260) PRIMARY KEY,
    owner          VARCHAR(64)  NOT NULL,
    project        VARCHAR(64)  NOT NULL,
    doc_id         VARCHAR(128) NOT NULL,
    latest_version BIGINT       NOT NULL,
    bytes          BIGINT       NOT NULL,
    writer         VARCHAR(36),
    writer_until   TIMESTAMPTZ
);
CREATE INDEX project_document_owner ON project_document (owner, project);
ALTER TABLE ingestion_document ADD COLUMN version BIGINT NOT NULL DEFAULT 0;

-- Documents stored before versions existed: version 0, the size of their largest submission.
INSERT INTO project_document (id, owner, project, doc_id, latest_version, bytes)
SELECT j.owner || '/' || j.project || '/' || d.doc_id, j.owner, j.project, d.doc_id, 0, MAX(OCTET_LENGTH(d.content))
FROM ingestion_document d JOIN ingestion_job j ON j.id = d.job_id
GROUP BY j.owner, j.project, d.doc_id;
