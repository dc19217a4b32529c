-- A reviewer's judgement of a feedback (DOMAIN.md §3): upheld (the reviewer agrees with the expert) or
-- overturned. Set directly by a reviewer, or through the feedback's FAQ candidate (approved = upheld,
-- rejected = overturned). Trust's track record counts these rows.
ALTER TABLE expert_feedback ADD COLUMN IF NOT EXISTS review_verdict VARCHAR(20)
    CONSTRAINT valid_review_verdict CHECK (review_verdict IN ('upheld', 'overturned'));
ALTER TABLE expert_feedback ADD COLUMN IF NOT EXISTS reviewed_by INTEGER REFERENCES "user" (id) ON DELETE SET NULL;
ALTER TABLE expert_feedback ADD COLUMN IF NOT EXISTS reviewed_at TIMESTAMPTZ;
ALTER TABLE expert_feedback ADD COLUMN IF NOT EXISTS version BIGINT NOT NULL DEFAULT 0;

-- An expert's feedback, newest first (history API, last-30-days query, trust recompute).
CREATE INDEX IF NOT EXISTS idx_expert_feedback_expert_timestamp ON expert_feedback (expert_id, feedback_timestamp DESC);
