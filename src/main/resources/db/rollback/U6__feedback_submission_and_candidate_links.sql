DROP TABLE IF EXISTS expert_faq_candidate_feedback;
DROP INDEX IF EXISTS idx_expert_faq_candidates_normalized_question;
ALTER TABLE expert_faq_candidates DROP COLUMN IF EXISTS version;
ALTER TABLE expert_faq_candidates DROP COLUMN IF EXISTS confidence_score;
ALTER TABLE expert_faq_candidates DROP COLUMN IF EXISTS normalized_question;
DROP INDEX IF EXISTS uq_expert_feedback_expert_query;
ALTER TABLE expert_feedback DROP COLUMN IF EXISTS expert_trust_score;
ALTER TABLE expert_feedback DROP COLUMN IF EXISTS suggested_category;
ALTER TABLE expert_feedback DROP COLUMN IF EXISTS additional_details;
