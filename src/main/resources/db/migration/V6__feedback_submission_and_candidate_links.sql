-- What the feedback form collects beyond the seed's columns, and the expert's trust right after submitting
-- (shown to reviewers as "trust at the time").
ALTER TABLE expert_feedback ADD COLUMN IF NOT EXISTS additional_details TEXT;
ALTER TABLE expert_feedback ADD COLUMN IF NOT EXISTS suggested_category VARCHAR(100);
ALTER TABLE expert_feedback ADD COLUMN IF NOT EXISTS expert_trust_score DOUBLE PRECISION;

-- One feedback per (expert, query): the database settles two submissions racing each other.
CREATE UNIQUE INDEX IF NOT EXISTS uq_expert_feedback_expert_query ON expert_feedback (expert_id, query_id);

-- Candidate dedup compares normalized questions (lower case, no accents or punctuation, single spaces);
-- priority needs the proposer's confidence when frequency grows; version guards concurrent decisions.
ALTER TABLE expert_faq_candidates ADD COLUMN IF NOT EXISTS normalized_question TEXT;
ALTER TABLE expert_faq_candidates ADD COLUMN IF NOT EXISTS confidence_score DOUBLE PRECISION;
ALTER TABLE expert_faq_candidates ADD COLUMN IF NOT EXISTS version BIGINT NOT NULL DEFAULT 0;

-- Rows written before this migration: the same normalization as the application's (Latin accents).
UPDATE expert_faq_candidates
SET normalized_question = trim(regexp_replace(regexp_replace(
        translate(lower(question), 'àáâäãåèéêëìíîïòóôöõùúûüçñ', 'aaaaaaeeeeiiiiooooouuuucn'),
        '[^a-z0-9\s]+', '', 'g'), '\s+', ' ', 'g'))
WHERE normalized_question IS NULL;

CREATE INDEX IF NOT EXISTS idx_expert_faq_candidates_normalized_question
    ON expert_faq_candidates (normalized_question, approval_status);

-- Every candidate links back to the feedback that produced it, and to each feedback merged into it.
CREATE TABLE IF NOT EXISTS expert_faq_candidate_feedback (
    candidate_id UUID        NOT NULL REFERENCES expert_faq_candidates (id) ON DELETE CASCADE,
    feedback_id  UUID        NOT NULL REFERENCES expert_feedback (id) ON DELETE CASCADE,
    linked_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (candidate_id, feedback_id)
);
CREATE INDEX IF NOT EXISTS idx_expert_faq_candidate_feedback_feedback ON expert_faq_candidate_feedback (feedback_id);
