-- A general persistent request queue (seed 004): each job has a type (its handler) and a named queue (its
-- workers, attempts and backoff). Jobs stored before are ingestion jobs of the default queue.
ALTER TABLE ingestion_job ADD COLUMN job_type VARCHAR(64) DEFAULT 'ingestion' NOT NULL;
ALTER TABLE ingestion_job ADD COLUMN queue_name VARCHAR(64) DEFAULT 'default' NOT NULL;
-- The type's own input (ingestion keeps its documents in ingestion_document) and what the job is about.
ALTER TABLE ingestion_job ADD COLUMN payload TEXT;
ALTER TABLE ingestion_job ADD COLUMN subject VARCHAR(300);
-- The id the owner knows the job by: a caller's own job id, unique per owner, or the row's id.
ALTER TABLE ingestion_job ADD COLUMN public_id VARCHAR(64);
UPDATE ingestion_job SET public_id = id;
ALTER TABLE ingestion_job ALTER COLUMN public_id SET NOT NULL;
CREATE UNIQUE INDEX ingestion_job_public_id ON ingestion_job (owner, public_id);
CREATE INDEX ingestion_job_queue_ready ON ingestion_job (queue_name, state, next_attempt_at);
CREATE INDEX ingestion_job_subject ON ingestion_job (owner, project, job_type, subject);
-- Priorities as seed 004 has them: higher first, default 0 (was 0..9, default 5): the same order, moved down 5.
UPDATE ingestion_job SET priority = priority - 5;
