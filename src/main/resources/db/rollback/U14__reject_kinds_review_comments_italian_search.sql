-- Undoes V14. Normalized questions go back to V6's rule (Latin accents only).
UPDATE expert_faq_candidates
SET normalized_question = trim(regexp_replace(regexp_replace(
        translate(lower(question), 'àáâäãåèéêëìíîïòóôöõùúûüçñ', 'aaaaaaeeeeiiiiooooouuuucn'),
        '[^a-z0-9\s]+', '', 'g'), '\s+', ' ', 'g'));
DROP INDEX IF EXISTS idx_expert_faq_candidates_fts;
DROP INDEX IF EXISTS idx_expert_feedback_fts;
DROP TEXT SEARCH CONFIGURATION IF EXISTS efs_italian;
DROP EXTENSION IF EXISTS unaccent;
ALTER TABLE expert_feedback DROP COLUMN IF EXISTS review_comment;
ALTER TABLE expert_faq_candidates DROP COLUMN IF EXISTS rejection_kind;
DROP TYPE IF EXISTS rejection_kind;
