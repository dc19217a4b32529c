-- The golden set without updated_since serves live FAQs only (approved and not retired, V15). The V7 index covers
-- approved rows but not retired_at, so its count had to visit every approved row (≈ 42 ms at 100× instead of ≈ 3 ms):
-- a partial index on exactly the live rows keeps the first page and the count index-only.
CREATE INDEX IF NOT EXISTS idx_expert_faq_candidates_live_updated
    ON expert_faq_candidates (updated_at, id) WHERE approval_status = 'approved' AND retired_at IS NULL;
