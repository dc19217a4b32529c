-- Superseded feedback out of every analytics figure (DOMAIN.md §11, DD013): the older of duplicate (expert, query_id)
-- rows that ./efs adopt kept (V17) no longer counts in the rollups (dashboard KPIs, verdicts, categories, trend,
-- participation, leaderboard, exports) nor in the facts the leaderboard and "my statistics" read.
-- Undo: db/rollback/U20__superseded_feedback_out_of_analytics.sql. On our own schema no row is superseded: the
-- figures do not change, only how future changes are counted.

-- The superseded rows, few (adoption's duplicates) and found without a scan: the feedback browser asks whether
-- any exists before counting from the daily rollup, and the correction below reads them.
CREATE INDEX IF NOT EXISTS idx_expert_feedback_superseded ON expert_feedback (feedback_timestamp)
    WHERE superseded_at IS NOT NULL;

-- The rollups counted every row until now: take the superseded ones out (V10's function still counts them, so
-- their -1 is exactly what they added), then count only current rows from here on. Superseding a row later (an
-- update) is then its -1, as V10's update trigger nets the old row out and the new one in with weight 0.
DO $$ BEGIN
    PERFORM analytics_apply_feedback_changes(ARRAY(
        SELECT analytics_change_of(f, -1) FROM expert_feedback f WHERE f.superseded_at IS NOT NULL));
END $$;

CREATE OR REPLACE FUNCTION analytics_change_of(f expert_feedback, delta INTEGER) RETURNS analytics_feedback_change
LANGUAGE sql STABLE AS $$
    SELECT ROW(f.expert_id, (f.feedback_timestamp AT TIME ZONE 'Europe/Rome')::DATE, f.feedback_type,
               coalesce(f.category::TEXT, ''), f.feedback_type <> 'correct' AND NOT f.improvement_applied,
               CASE WHEN f.superseded_at IS NULL THEN delta ELSE 0 END)::analytics_feedback_change
$$;

-- feedback publishes whether a row is superseded (a column added at the end, the view's readers are unchanged).
CREATE OR REPLACE VIEW feedback_facts AS
SELECT id, expert_id, feedback_type, category, feedback_timestamp, review_verdict, time_spent_seconds,
       superseded_at IS NOT NULL AS superseded
FROM expert_feedback;

-- The leaderboard's accuracy and median time (and "my statistics") read current rows only: the covering index of
-- V10 also carries superseded_at, so those reads stay index-only. (A partial index on current rows would not do:
-- PostgreSQL plans no index-only scan when the query names a column that only the index's predicate holds.)
DROP INDEX IF EXISTS idx_expert_feedback_expert_review;
CREATE INDEX idx_expert_feedback_expert_review
    ON expert_feedback (expert_id, feedback_timestamp) INCLUDE (review_verdict, time_spent_seconds, superseded_at);
