-- Durable ingestion jobs (seed 004's persistent request queue). H2 flavour.
CREATE TABLE ingestion_job (
    id              VARCHAR(36)   PRIMARY KEY,
    owner           VARCHAR(64)   NOT NULL,
    project         VARCHAR(64)   NOT NULL,
    state           VARCHAR(16)   NOT NULL,
    priority        INTEGER       NOT NULL,
    attempts        INTEGER       NOT NULL,
    max_attempts    INTEGER       NOT NULL,
    document_count  INTEGER       NOT NULL,
    next_attempt_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    lease_until     TIMESTAMP(6) WITH TIME ZONE,
    leased_by       VARCHAR(64),
    saved           INTEGER       NOT NULL,
    indexed         INTEGER       NOT NULL,
    git_failed      BOOLEAN,
    last_error      VARCHAR(1000),
    created_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    finished_at     TIMESTAMP(6) WITH TIME ZONE,
    version         BIGINT        NOT NULL
);
CREATE INDEX ingestion_job_ready ON ingestion_job (state, next_attempt_at);
CREATE INDEX ingestion_job_owner ON ingestion_job (owner);

CREATE TABLE ingestion_document (
    id        VARCHAR(48)  PRIMARY KEY,
    job_id    VARCHAR(36)  NOT NULL REFERENCES ingestion_job (id) ON DELETE CASCADE,
    seq       INTEGER      NOT NULL,
    doc_id    VARCHAR(128) NOT NULL,
    filename  VARCHAR(128) NOT NULL,
    content   CLOB         NOT NULL
);
CREATE INDEX ingestion_document_job ON ingestion_document (job_id, seq);
