-- Undoes V13: the published read views (dependants first).
DROP VIEW IF EXISTS feedback_daily_counts;
DROP VIEW IF EXISTS faq_candidate_sources;
DROP VIEW IF EXISTS faq_candidate_facts;
DROP VIEW IF EXISTS feedback_facts;
DROP VIEW IF EXISTS expert_names;
DROP VIEW IF EXISTS account_names;
