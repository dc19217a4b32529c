-- The seed's downgrade: the three tables, the trigger function and the three enum types go; "user" stays.
DROP TABLE IF EXISTS expert_faq_candidates;
DROP TABLE IF EXISTS expert_feedback;
DROP TABLE IF EXISTS expert_profiles;
DROP FUNCTION IF EXISTS update_expert_updated_at();
DROP TYPE IF EXISTS expert_credential_type;
DROP TYPE IF EXISTS italian_feedback_category;
DROP TYPE IF EXISTS feedback_type;
