-- Who verified an expert, optimistic locking for concurrent admin edits, and the history of trust scores
-- (a row each time the score changes, with its five components, so a score is never a mystery).
ALTER TABLE expert_profiles ADD COLUMN IF NOT EXISTS verified_by INTEGER REFERENCES "user" (id) ON DELETE SET NULL;
ALTER TABLE expert_profiles ADD COLUMN IF NOT EXISTS version BIGINT NOT NULL DEFAULT 0;

CREATE TABLE IF NOT EXISTS expert_trust_history (
    id             BIGSERIAL PRIMARY KEY,
    expert_id      UUID             NOT NULL REFERENCES expert_profiles (id) ON DELETE CASCADE,
    computed_at    TIMESTAMPTZ      NOT NULL DEFAULT now(),
    trust_score    DOUBLE PRECISION NOT NULL,
    credentials    DOUBLE PRECISION NOT NULL,
    experience     DOUBLE PRECISION NOT NULL,
    track_record   DOUBLE PRECISION NOT NULL,
    responsiveness DOUBLE PRECISION NOT NULL,
    breadth        DOUBLE PRECISION NOT NULL,
    reason         VARCHAR(100)     NOT NULL
);

CREATE INDEX IF NOT EXISTS idx_expert_trust_history_expert ON expert_trust_history (expert_id, computed_at DESC, id DESC);
