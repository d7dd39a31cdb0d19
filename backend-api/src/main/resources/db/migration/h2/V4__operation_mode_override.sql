-- The operator's operation-mode override, shared by every backend process and kept across restarts.
-- Exactly one row (id 1, made here, never deleted): setting the override updates it,
-- clearing sets mode to NULL, so concurrent writers never race to insert it. H2 flavour.
CREATE TABLE operation_mode_override (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    mode    VARCHAR(16),
    reason  VARCHAR(500),
    set_by  VARCHAR(255),
    set_at  TIMESTAMP(6) WITH TIME ZONE
);
INSERT INTO operation_mode_override (id) VALUES (1);
