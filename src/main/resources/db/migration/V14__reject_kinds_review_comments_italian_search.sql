-- Issue 13 (DOMAIN.md §3, §5, §6).

-- §5: why a reviewer rejected a candidate. Only content_wrong judges the expert's verdict (overturned, §3);
-- wording, duplicate and out_of_scope judge nothing. Rejections before this migration overturned: content_wrong.
CREATE TYPE rejection_kind AS ENUM ('content_wrong', 'wording', 'duplicate', 'out_of_scope');
ALTER TABLE expert_faq_candidates ADD COLUMN rejection_kind rejection_kind;
UPDATE expert_faq_candidates SET rejection_kind = 'content_wrong' WHERE approval_status = 'rejected';

-- §3: a reviewer upholds or overturns a feedback with an optional comment the expert reads in its detail.
ALTER TABLE expert_feedback ADD COLUMN review_comment TEXT
    CONSTRAINT review_comment_length CHECK (char_length(review_comment) <= 2000);

-- §6: Italian full-text search, stemmed ("fatture" finds "fattura") and accent-insensitive ("societa" finds
-- "società"). unaccent ships with PostgreSQL (contrib) and is a trusted extension; a configuration of our own runs
-- it before the Italian stemmer, and the two-argument to_tsvector is immutable, so expression indexes can use it.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE TEXT SEARCH CONFIGURATION efs_italian (COPY = pg_catalog.italian);
ALTER TEXT SEARCH CONFIGURATION efs_italian
    ALTER MAPPING FOR hword, hword_part, word WITH unaccent, italian_stem;

-- The expressions are repeated verbatim by FeedbackQueries and FaqQueries: PostgreSQL uses an expression index
-- only for the very same expression.
CREATE INDEX idx_expert_feedback_fts ON expert_feedback USING gin (to_tsvector('efs_italian'::regconfig,
    coalesce(query_text, '') || ' ' || coalesce(original_answer, '') || ' ' || coalesce(expert_answer, '')));
CREATE INDEX idx_expert_faq_candidates_fts ON expert_faq_candidates USING gin (to_tsvector('efs_italian'::regconfig,
    coalesce(question, '') || ' ' || coalesce(answer, '')));

-- §5 dedup key, now Unicode-aware (QuestionNormalizer): compatibility decomposition (NFKD) turns no-break and
-- other typographic spaces into spaces and splits accents off, then everything but a-z, digits and blanks goes.
-- Same rule as the Java normalizer, so keys written before and after this migration compare. Renormalising can
-- make two pending candidates share a key ("IVA\u00A0agevolata" and "IVA agevolata"): both stay pending and
-- visible to reviewers (as similar questions); new feedback merges into the oldest, as findPendingByNormalizedQuestion does.
UPDATE expert_faq_candidates
SET normalized_question = trim(regexp_replace(regexp_replace(lower(normalize(question, NFKD)),
        '[^a-z0-9\s]+', '', 'g'), '\s+', ' ', 'g'))
WHERE normalized_question IS DISTINCT FROM trim(regexp_replace(regexp_replace(lower(normalize(question, NFKD)),
        '[^a-z0-9\s]+', '', 'g'), '\s+', ' ', 'g'));
