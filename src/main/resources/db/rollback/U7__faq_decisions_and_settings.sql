DROP TABLE IF EXISTS faq_auto_approval_settings;
DROP INDEX IF EXISTS idx_expert_faq_candidates_question_trgm;
DROP INDEX IF EXISTS idx_expert_faq_candidates_approved_updated;
-- pg_trgm goes only if nothing else in the database uses it.
DO $$
BEGIN
    DROP EXTENSION IF EXISTS pg_trgm;
EXCEPTION WHEN dependent_objects_still_exist THEN
    RAISE NOTICE 'pg_trgm kept: other objects use it';
END $$;
ALTER TABLE expert_faq_candidates DROP COLUMN IF EXISTS auto_approved;
ALTER TABLE expert_faq_candidates DROP COLUMN IF EXISTS rejection_reason;
