-- Undoes V20: superseded feedback counted again, as V10 and V13 left it.
DROP INDEX IF EXISTS idx_expert_feedback_expert_review;
CREATE INDEX idx_expert_feedback_expert_review
    ON expert_feedback (expert_id, feedback_timestamp) INCLUDE (review_verdict, time_spent_seconds);

DROP VIEW IF EXISTS feedback_facts;
CREATE VIEW feedback_facts AS
SELECT id, expert_id, feedback_type, category, feedback_timestamp, review_verdict, time_spent_seconds
FROM expert_feedback;

CREATE OR REPLACE FUNCTION analytics_change_of(f expert_feedback, delta INTEGER) RETURNS analytics_feedback_change
LANGUAGE sql STABLE AS $$
    SELECT ROW(f.expert_id, (f.feedback_timestamp AT TIME ZONE 'Europe/Rome')::DATE, f.feedback_type,
               coalesce(f.category::TEXT, ''), f.feedback_type <> 'correct' AND NOT f.improvement_applied,
               delta)::analytics_feedback_change
$$;

-- The superseded rows back into the rollups (V10's function counts them again).
DO $$ BEGIN
    PERFORM analytics_apply_feedback_changes(ARRAY(
        SELECT analytics_change_of(f, 1) FROM expert_feedback f WHERE f.superseded_at IS NOT NULL));
END $$;

DROP INDEX IF EXISTS idx_expert_feedback_superseded;
