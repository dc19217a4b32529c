DROP TABLE IF EXISTS expert_trust_history;
ALTER TABLE expert_profiles DROP COLUMN IF EXISTS version;
ALTER TABLE expert_profiles DROP COLUMN IF EXISTS verified_by;
