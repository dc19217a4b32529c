-- feedback publishes which queries each expert has judged (V18): the inbox never offers those again, and every claim
-- asks it for every candidate slot it considers, including each one another claimer holds locked. The view read
-- every row of expert_feedback, so the question could not use the unique (expert_id, query_id) index, which V17 made
-- partial (live rows only): it went through the query's feedback rows in the table to find the expert's (or, on a
-- plan made for the expert's index, through all of the expert's feedback). Superseded rows are only ever the older
-- duplicates of a live row of the same expert and query (adoption, DOMAIN §11), so the live rows name the same
-- pairs, and the question is one index-only lookup.
CREATE OR REPLACE VIEW feedback_judged_queries AS
SELECT expert_id, query_id
FROM expert_feedback
WHERE superseded_at IS NULL;
