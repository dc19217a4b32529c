CREATE OR REPLACE VIEW feedback_judged_queries AS
SELECT expert_id, query_id
FROM expert_feedback;
