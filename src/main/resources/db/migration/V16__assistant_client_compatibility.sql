-- Issue 14 (DOMAIN.md §9): what the assistant's existing client needs.

-- The original's task-tracking columns on a feedback (same names and types as in the assistant's database, so an
-- adopted database keeps its values). generated_faq_id is not stored: it is read from the candidate once approved.
ALTER TABLE expert_feedback ADD COLUMN IF NOT EXISTS generated_task_id VARCHAR(50);
ALTER TABLE expert_feedback ADD COLUMN IF NOT EXISTS task_creation_attempted BOOLEAN DEFAULT false;
ALTER TABLE expert_feedback ADD COLUMN IF NOT EXISTS task_creation_success BOOLEAN;
ALTER TABLE expert_feedback ADD COLUMN IF NOT EXISTS task_creation_error TEXT;

-- Improvement tasks in the original's table and columns (adopted when it exists), plus our workflow columns.
CREATE TABLE IF NOT EXISTS expert_generated_tasks (
    id                 UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    task_id            VARCHAR(50)  NOT NULL,
    task_name          VARCHAR(200) NOT NULL,
    feedback_id        UUID         NOT NULL REFERENCES expert_feedback (id),
    expert_id          UUID         NOT NULL REFERENCES expert_profiles (id),
    question           TEXT         NOT NULL,
    answer             TEXT         NOT NULL,
    additional_details TEXT,
    file_path          VARCHAR(500) NOT NULL DEFAULT 'SUPER_USER_TASKS.md',
    created_at         TIMESTAMP DEFAULT now(),
    updated_at         TIMESTAMP DEFAULT now()
);
CREATE UNIQUE INDEX IF NOT EXISTS ix_expert_generated_tasks_task_id ON expert_generated_tasks (task_id);
CREATE INDEX IF NOT EXISTS idx_expert_generated_tasks_created_at ON expert_generated_tasks (created_at);
CREATE INDEX IF NOT EXISTS idx_expert_generated_tasks_expert_id ON expert_generated_tasks (expert_id);
CREATE INDEX IF NOT EXISTS idx_expert_generated_tasks_feedback_id ON expert_generated_tasks (feedback_id);

ALTER TABLE expert_generated_tasks ADD COLUMN IF NOT EXISTS status VARCHAR(20) NOT NULL DEFAULT 'open';
ALTER TABLE expert_generated_tasks ADD COLUMN IF NOT EXISTS resolution_note TEXT;
ALTER TABLE expert_generated_tasks ADD COLUMN IF NOT EXISTS status_changed_by INTEGER;
ALTER TABLE expert_generated_tasks ADD COLUMN IF NOT EXISTS status_changed_at TIMESTAMPTZ;
ALTER TABLE expert_generated_tasks DROP CONSTRAINT IF EXISTS expert_generated_tasks_status_check;
ALTER TABLE expert_generated_tasks ADD CONSTRAINT expert_generated_tasks_status_check
    CHECK (status IN ('open', 'in_progress', 'applied', 'wont_fix'));
CREATE INDEX IF NOT EXISTS idx_expert_generated_tasks_status ON expert_generated_tasks (status, created_at);

-- QUERY-0001..0007 are the original's hand-written tasks: numbering starts at 8, or after the highest number an
-- adopted table already holds. A sequence never hands the same number to two transactions.
CREATE SEQUENCE IF NOT EXISTS expert_generated_task_number START WITH 8 MINVALUE 8;
SELECT setval('expert_generated_task_number',
              GREATEST(7, COALESCE((SELECT max(substring(task_id FROM '^QUERY-([0-9]+)$')::bigint)
                                    FROM expert_generated_tasks), 7)) + 1, false);

-- Refresh tokens (§9): only a hash is kept; single use (used_at), and tied to the account's token_version so that
-- the changes that revoke access tokens revoke refresh tokens too.
CREATE TABLE IF NOT EXISTS refresh_token (
    id            BIGSERIAL PRIMARY KEY,
    user_id       INTEGER     NOT NULL REFERENCES "user" (id) ON DELETE CASCADE,
    token_hash    VARCHAR(64) NOT NULL UNIQUE,
    token_version INTEGER     NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at    TIMESTAMPTZ NOT NULL,
    used_at       TIMESTAMPTZ
);
CREATE INDEX IF NOT EXISTS idx_refresh_token_user ON refresh_token (user_id);
