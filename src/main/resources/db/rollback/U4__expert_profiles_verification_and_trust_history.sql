DROP TABLE IF EXISTS expert_trust_history;
DROP INDEX IF EXISTS idx_expert_profiles_active_trust;
ALTER TABLE expert_profiles DROP COLUMN IF EXISTS version;
ALTER TABLE expert_profiles DROP COLUMN IF EXISTS verified_by;
