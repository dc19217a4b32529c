-- Published read models (DD007). A feature's SQL names only its own tables; what another feature needs to read
-- comes from a view that the owning feature declares here, so the owner can change its tables behind the view.
-- Plain projections only (no aggregation): PostgreSQL inlines them, so the same indexes serve the readers.

-- security publishes who an account is (read by expert's directory).
CREATE VIEW account_names AS
SELECT id AS user_id, email, display_name
FROM "user";

-- expert publishes the account behind each profile and its standing (read by feedback, faq and analytics for the
-- proposer's or submitter's user id and name, filters by name, the leaderboard).
CREATE VIEW expert_names AS
SELECT p.id AS expert_id, p.user_id, a.display_name, a.email, p.trust_score, p.is_active, p.is_verified
FROM expert_profiles p
JOIN account_names a ON a.user_id = p.user_id;

-- feedback publishes the facts of each feedback that faq (whose feedback fed a candidate) and analytics (accuracy,
-- median time, trends) read; the covering index idx_expert_feedback_expert_review (V10) still serves it.
CREATE VIEW feedback_facts AS
SELECT id, expert_id, feedback_type, category, feedback_timestamp, review_verdict, time_spent_seconds
FROM expert_feedback;

-- faq publishes the decision facts of each candidate (analytics' funnel and time to decision) and which feedback
-- each candidate came from (feedback's side of a decision).
CREATE VIEW faq_candidate_facts AS
SELECT id, expert_id, approval_status, auto_approved, approved_by, created_at, approved_at
FROM expert_faq_candidates;

CREATE VIEW faq_candidate_sources AS
SELECT candidate_id, feedback_id
FROM expert_faq_candidate_feedback;

-- analytics publishes the daily feedback counts its rollup keeps (the feedback browser counts from them).
CREATE VIEW feedback_daily_counts AS
SELECT day, feedback_type, category, feedback
FROM analytics_feedback_daily;
