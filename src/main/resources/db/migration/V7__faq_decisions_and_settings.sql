-- Reviewer decisions on candidates: the reason of a rejection, and whether the rule (not a person) approved it.
ALTER TABLE expert_faq_candidates ADD COLUMN IF NOT EXISTS rejection_reason TEXT;
ALTER TABLE expert_faq_candidates ADD COLUMN IF NOT EXISTS auto_approved BOOLEAN NOT NULL DEFAULT false;

-- The golden set is read by "approved, changed since" (incremental sync of the assistant).
CREATE INDEX IF NOT EXISTS idx_expert_faq_candidates_approved_updated
    ON expert_faq_candidates (updated_at, id) WHERE approval_status = 'approved';

-- Similar questions (duplicates, conflicts) by trigram similarity of the normalized question.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX IF NOT EXISTS idx_expert_faq_candidates_question_trgm
    ON expert_faq_candidates USING gin (normalized_question gin_trgm_ops);

-- Auto-approval thresholds (DOMAIN.md §5), one row, editable by an administrator.
CREATE TABLE IF NOT EXISTS faq_auto_approval_settings (
    id             SMALLINT PRIMARY KEY DEFAULT 1 CHECK (id = 1),
    min_trust      DOUBLE PRECISION NOT NULL DEFAULT 0.85 CHECK (min_trust BETWEEN 0 AND 1),
    min_confidence DOUBLE PRECISION NOT NULL DEFAULT 0.80 CHECK (min_confidence BETWEEN 0 AND 1),
    min_resolved   INTEGER          NOT NULL DEFAULT 5 CHECK (min_resolved >= 0),
    enabled        BOOLEAN          NOT NULL DEFAULT true,
    updated_at     TIMESTAMPTZ      NOT NULL DEFAULT now(),
    updated_by     INTEGER REFERENCES "user" (id) ON DELETE SET NULL
);
INSERT INTO faq_auto_approval_settings (id) VALUES (1) ON CONFLICT (id) DO NOTHING;
