-- Worker ids are pid@host/suffix: Kubernetes pod and cloud host names run past 64 characters.
ALTER TABLE ingestion_job ALTER COLUMN leased_by SET DATA TYPE VARCHAR(255);

-- Idempotent submission: a repeat of (owner, Idempotency-Key) within the window returns the first job.
ALTER TABLE ingestion_job ADD COLUMN idempotency_key VARCHAR(64);
ALTER TABLE ingestion_job ADD COLUMN request_hash VARCHAR(64);
CREATE UNIQUE INDEX ingestion_job_idempotency ON ingestion_job (owner, idempotency_key);
