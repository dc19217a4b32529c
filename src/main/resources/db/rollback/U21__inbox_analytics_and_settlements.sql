DROP TABLE IF EXISTS review_settlement;
DROP INDEX IF EXISTS idx_review_request_disagreements;
ALTER TABLE review_request DROP COLUMN IF EXISTS disagreement;
DROP INDEX IF EXISTS idx_review_request_multi_completed;
DROP INDEX IF EXISTS idx_review_request_completed;
DROP INDEX IF EXISTS idx_review_request_created;
DROP VIEW IF EXISTS inbox_request_facts;
ALTER TABLE review_request DROP COLUMN IF EXISTS first_verdict_at;
