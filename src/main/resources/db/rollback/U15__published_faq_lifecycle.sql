-- Undoes V15: the FAQ versions and the retirement / version columns.
DROP TRIGGER IF EXISTS trigger_faq_first_version ON expert_faq_candidates;
DROP FUNCTION IF EXISTS faq_record_first_version();
DROP TABLE IF EXISTS faq_versions;
ALTER TABLE expert_faq_candidates DROP CONSTRAINT IF EXISTS faq_published_version_positive;
ALTER TABLE expert_faq_candidates DROP COLUMN IF EXISTS retirement_reason;
ALTER TABLE expert_faq_candidates DROP COLUMN IF EXISTS retired_by;
ALTER TABLE expert_faq_candidates DROP COLUMN IF EXISTS retired_at;
ALTER TABLE expert_faq_candidates DROP COLUMN IF EXISTS published_version;
