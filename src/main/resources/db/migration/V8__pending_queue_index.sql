-- The approval queue reads pending candidates by priority, oldest first among equals, a page at a time. This
-- partial index holds exactly those rows in exactly that order, so a page is an index range scan, not a sort of
-- every pending candidate.
CREATE INDEX IF NOT EXISTS idx_expert_faq_candidates_pending_priority
    ON expert_faq_candidates (priority_score DESC, created_at, id) WHERE approval_status = 'pending';
