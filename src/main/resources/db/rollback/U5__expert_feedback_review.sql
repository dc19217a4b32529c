DROP INDEX IF EXISTS idx_expert_feedback_expert_timestamp;
ALTER TABLE expert_feedback DROP COLUMN IF EXISTS version;
ALTER TABLE expert_feedback DROP COLUMN IF EXISTS reviewed_at;
ALTER TABLE expert_feedback DROP COLUMN IF EXISTS reviewed_by;
ALTER TABLE expert_feedback DROP COLUMN IF EXISTS review_verdict;
