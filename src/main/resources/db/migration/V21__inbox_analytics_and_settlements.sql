-- Issue 15, the inbox in analytics and disagreements settled by a reviewer (DOMAIN.md §6, §8, §3).

-- When a request's first verdict came, kept on the request (set when a review completes, InboxQueries.touch), so the
-- dashboard's median reads one row per request instead of looking up its slots (≈ 340 ms → see PERFORMANCE.md).
ALTER TABLE review_request ADD COLUMN first_verdict_at TIMESTAMPTZ;
UPDATE review_request r SET first_verdict_at = (SELECT min(s.completed_at) FROM review_slot s
                                                WHERE s.request_id = r.id AND s.state = 'done');

-- inbox publishes one row per review request for analytics (DD007 amended): when it arrived, when its first
-- verdict came, when it was done, its category (the assistant's topic) and the verdicts in the order they came.
-- The verdicts' subquery runs only when a query reads that column, and then along uq_review_slot_no (request_id, …).
CREATE VIEW inbox_request_facts AS
SELECT r.id AS request_id, r.topic, r.required_reviews, r.status, r.created_at, r.completed_at, r.first_verdict_at,
       ARRAY(SELECT s.feedback_type FROM review_slot s WHERE s.request_id = r.id AND s.state = 'done'
             ORDER BY s.completed_at, s.slot_no) AS verdicts
FROM review_request r;

-- The dashboard reads requests by arrival day (with the first verdict, index-only) and by completion day over its
-- window. review_slot gets no new index: its writes are the claim's hot path.
CREATE INDEX idx_review_request_created ON review_request (created_at) INCLUDE (first_verdict_at);
CREATE INDEX idx_review_request_completed ON review_request (completed_at) WHERE completed_at IS NOT NULL;
-- Agreement reads only the multi-review requests completed in the window (a tenth of them, or fewer).
CREATE INDEX idx_review_request_multi_completed ON review_request (completed_at) WHERE required_reviews > 1;

-- A completed multi-review request whose verdicts differ is a disagreement to settle ('open') until a reviewer
-- settles it ('settled'); set when the last review completes (InboxQueries.touch), so the reviewers' list and its
-- count read a small partial index instead of every completed request's slots.
ALTER TABLE review_request ADD COLUMN disagreement VARCHAR(10)
    CONSTRAINT review_request_disagreement CHECK (disagreement IN ('open', 'settled'));
UPDATE review_request r SET disagreement = 'open'
WHERE r.status = 'done' AND r.required_reviews > 1
  AND (SELECT count(DISTINCT s.feedback_type) FROM review_slot s WHERE s.request_id = r.id AND s.state = 'done') > 1;
CREATE INDEX idx_review_request_disagreements ON review_request (completed_at DESC, id) WHERE disagreement = 'open';

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
