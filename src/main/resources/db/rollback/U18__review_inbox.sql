DROP VIEW IF EXISTS feedback_judged_queries;
DROP TABLE IF EXISTS inbox_topic_route;
DROP TABLE IF EXISTS review_skip;
DROP TABLE IF EXISTS review_slot;
DROP TABLE IF EXISTS review_request;
DROP TABLE IF EXISTS api_key;
