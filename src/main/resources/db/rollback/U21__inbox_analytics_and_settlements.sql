DROP TABLE IF EXISTS review_settlement;
DROP INDEX IF EXISTS idx_review_request_completed;
DROP INDEX IF EXISTS idx_review_request_created;
DROP VIEW IF EXISTS inbox_request_facts;
