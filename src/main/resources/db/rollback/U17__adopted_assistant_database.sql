-- Undo of V17. The legacy roles mapped into user_role and the copied password hashes stay (they are account data).
DROP TRIGGER IF EXISTS trigger_efs_sync_legacy_password ON "user";
DROP FUNCTION IF EXISTS efs_sync_legacy_password();
DROP FUNCTION IF EXISTS efs_credential_types(TEXT[]);
ALTER TABLE expert_profiles DROP COLUMN IF EXISTS adopted_metrics_pending;
DROP INDEX IF EXISTS uq_expert_feedback_expert_query;
ALTER TABLE expert_feedback DROP COLUMN IF EXISTS superseded_by;
ALTER TABLE expert_feedback DROP COLUMN IF EXISTS superseded_at;
-- V6's rule as it was (only possible when no superseded duplicates are left).
CREATE UNIQUE INDEX IF NOT EXISTS uq_expert_feedback_expert_query ON expert_feedback (expert_id, query_id);
