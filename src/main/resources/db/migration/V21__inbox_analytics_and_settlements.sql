-- Issue 15, the inbox in analytics and disagreements settled by a reviewer (DOMAIN.md §6, §8, §3).

-- inbox publishes one row per review request for analytics (DD007 amended): when it arrived, when its first
-- verdict came, when it was done, its category (the assistant's topic) and the verdicts in the order they came.
-- The scalar subqueries run only when a query reads their column, and then along uq_review_slot_no (request_id, …).
CREATE VIEW inbox_request_facts AS
SELECT r.id AS request_id, r.topic, r.required_reviews, r.status, r.created_at, r.completed_at,
       (SELECT min(s.completed_at) FROM review_slot s WHERE s.request_id = r.id AND s.state = 'done') AS first_verdict_at,
       ARRAY(SELECT s.feedback_type FROM review_slot s WHERE s.request_id = r.id AND s.state = 'done'
             ORDER BY s.completed_at, s.slot_no) AS verdicts
FROM review_request r;

-- The dashboard reads requests by arrival day and by completion day over its window (review_slot gets no new
-- index: its writes are the claim's hot path).
CREATE INDEX idx_review_request_created ON review_request (created_at);
CREATE INDEX idx_review_request_completed ON review_request (completed_at) WHERE completed_at IS NOT NULL;

-- inbox owns how a disagreement was settled: which verdict stands, who decided and when. The feedback themselves
-- are upheld / overturned through feedback's own judgement (§3), so trust follows from there.
CREATE TABLE review_settlement (
    request_id       UUID PRIMARY KEY REFERENCES review_request (id) ON DELETE CASCADE,
    standing_verdict VARCHAR(20) NOT NULL
        CONSTRAINT review_settlement_verdict CHECK (standing_verdict IN ('correct', 'incomplete', 'incorrect')),
    settled_by       INTEGER     REFERENCES "user" (id) ON DELETE SET NULL,
    settled_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    comment          VARCHAR(2000)
);
