-- A published FAQ has a life (DOMAIN.md §5): reviewers edit it as a new version and retire it with a reason.
-- A retired FAQ keeps approval_status = 'approved' (the seed's check allows only pending/approved/rejected and is
-- contract): retired_at marks it, so the golden-set index of V7 (approved, by updated_at) still serves the sync that
-- must report retirements to the assistant.
ALTER TABLE expert_faq_candidates ADD COLUMN IF NOT EXISTS published_version INTEGER;
ALTER TABLE expert_faq_candidates ADD COLUMN IF NOT EXISTS retired_at TIMESTAMPTZ;
ALTER TABLE expert_faq_candidates ADD COLUMN IF NOT EXISTS retired_by INTEGER REFERENCES "user" (id) ON DELETE SET NULL;
ALTER TABLE expert_faq_candidates ADD COLUMN IF NOT EXISTS retirement_reason TEXT;
ALTER TABLE expert_faq_candidates ADD CONSTRAINT faq_published_version_positive
    CHECK (published_version IS NULL OR published_version >= 1);

-- Every published version, kept: who, when and why; version 1 is the approved text.
CREATE TABLE IF NOT EXISTS faq_versions (
    candidate_id          UUID        NOT NULL REFERENCES expert_faq_candidates (id) ON DELETE CASCADE,
    version               INTEGER     NOT NULL CHECK (version >= 1),
    question              TEXT        NOT NULL,
    answer                TEXT        NOT NULL,
    suggested_category    VARCHAR(100),
    suggested_tags        TEXT[]      NOT NULL DEFAULT '{}',
    regulatory_references TEXT[]      NOT NULL DEFAULT '{}',
    reason                TEXT,
    edited_by             INTEGER REFERENCES "user" (id) ON DELETE SET NULL,
    edited_at             TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (candidate_id, version)
);

-- FAQs approved before this migration become version 1 of themselves.
UPDATE expert_faq_candidates SET published_version = 1
WHERE approval_status = 'approved' AND published_version IS NULL;
INSERT INTO faq_versions (candidate_id, version, question, answer, suggested_category, suggested_tags,
                          regulatory_references, reason, edited_by, edited_at)
SELECT id, 1, question, answer, suggested_category, coalesce(suggested_tags, '{}'), coalesce(regulatory_references, '{}'),
       NULL, approved_by, coalesce(approved_at, updated_at, now())
FROM expert_faq_candidates WHERE approval_status = 'approved'
ON CONFLICT DO NOTHING;

-- Version 1 is written by the database whenever a candidate becomes published (a reviewer's approval or the
-- auto-approval rule, whichever code path sets published_version = 1), so no approval can forget its history.
CREATE OR REPLACE FUNCTION faq_record_first_version() RETURNS trigger AS $$
BEGIN
    IF NEW.published_version = 1 AND (TG_OP = 'INSERT' OR OLD.published_version IS NULL) THEN
        INSERT INTO faq_versions (candidate_id, version, question, answer, suggested_category, suggested_tags,
                                  regulatory_references, reason, edited_by, edited_at)
        VALUES (NEW.id, 1, NEW.question, NEW.answer, NEW.suggested_category, coalesce(NEW.suggested_tags, '{}'),
                coalesce(NEW.regulatory_references, '{}'), NULL, NEW.approved_by, coalesce(NEW.approved_at, now()))
        ON CONFLICT DO NOTHING;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER trigger_faq_first_version
    AFTER INSERT OR UPDATE OF published_version ON expert_faq_candidates
    FOR EACH ROW EXECUTE FUNCTION faq_record_first_version();
