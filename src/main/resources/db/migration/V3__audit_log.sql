-- Who changed what, when: written in the same transaction as every audited change. Append-only.
CREATE TABLE IF NOT EXISTS audit_log (
    id            BIGSERIAL PRIMARY KEY,
    occurred_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    actor_user_id INTEGER REFERENCES "user" (id) ON DELETE SET NULL,
    actor_email   VARCHAR(254),
    entity_type   VARCHAR(50)  NOT NULL,
    entity_id     VARCHAR(64)  NOT NULL,
    action        VARCHAR(50)  NOT NULL,
    before_state  JSONB,
    after_state   JSONB
);

CREATE INDEX IF NOT EXISTS idx_audit_log_occurred_at ON audit_log (occurred_at DESC, id DESC);
CREATE INDEX IF NOT EXISTS idx_audit_log_entity ON audit_log (entity_type, entity_id, occurred_at DESC);
CREATE INDEX IF NOT EXISTS idx_audit_log_actor ON audit_log (actor_user_id, occurred_at DESC);
