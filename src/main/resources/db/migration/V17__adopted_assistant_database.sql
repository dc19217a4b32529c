-- Adopting the assistant's existing database (DOMAIN.md §11, docs/decisions/DD013-adopting-the-assistant-database.md).
-- Undo: db/rollback/U17__adopted_assistant_database.sql. Runs in the same transaction as every other pending
-- migration (spring.flyway.group=true), after the preflight (base.db.AdoptionPreflight) found nothing blocking.

-- Duplicates (expert, query_id) are kept: the older ones point at the newer one that replaced them and are left out
-- of metrics. The unique rule covers the current rows only. On an adopted database with duplicates the same columns
-- and index were already made by base.db.SupersedeDuplicatesBeforeV6 (inside this transaction), so V6 passed.
ALTER TABLE expert_feedback ADD COLUMN IF NOT EXISTS superseded_at TIMESTAMPTZ;
ALTER TABLE expert_feedback ADD COLUMN IF NOT EXISTS superseded_by UUID REFERENCES expert_feedback (id) ON DELETE SET NULL;
DROP INDEX IF EXISTS uq_expert_feedback_expert_query;
CREATE UNIQUE INDEX uq_expert_feedback_expert_query ON expert_feedback (expert_id, query_id) WHERE superseded_at IS NULL;

-- The metrics the original computed stay until our first recompute, which is audited with before/after.
ALTER TABLE expert_profiles ADD COLUMN IF NOT EXISTS adopted_metrics_pending BOOLEAN NOT NULL DEFAULT false;

-- The entity writes credential types through this function: cast to our enum array on our schema (an unknown code
-- is refused), passed through on the assistant's VARCHAR[] column (its labels outside the enum are kept).
DO $fn$
BEGIN
    IF (SELECT udt_name FROM information_schema.columns WHERE table_schema = current_schema()
        AND table_name = 'expert_profiles' AND column_name = 'credential_types') = '_expert_credential_type' THEN
        CREATE OR REPLACE FUNCTION efs_credential_types(codes TEXT[]) RETURNS expert_credential_type[]
            LANGUAGE sql AS 'SELECT codes::expert_credential_type[]';
    ELSE
        CREATE OR REPLACE FUNCTION efs_credential_types(codes TEXT[]) RETURNS TEXT[] LANGUAGE sql AS 'SELECT codes';
    END IF;
END
$fn$;

-- Only on the assistant's own "user" (it has hashed_password and role): nothing below runs on a database we built.
DO $adopt$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM information_schema.columns
                   WHERE table_schema = current_schema() AND table_name = 'user' AND column_name = 'hashed_password') THEN
        RETURN;
    END IF;

    -- Its created_at is NOT NULL without a default (the original's Python code filled it).
    ALTER TABLE "user" ALTER COLUMN created_at SET DEFAULT now();
    IF EXISTS (SELECT 1 FROM information_schema.columns
               WHERE table_schema = current_schema() AND table_name = 'user' AND column_name = 'name') THEN
        UPDATE "user" SET display_name = coalesce(nullif(btrim(name), ''), split_part(email, '@', 1))
        WHERE display_name IS NULL;
    ELSE
        UPDATE "user" SET display_name = split_part(email, '@', 1) WHERE display_name IS NULL;
    END IF;
    UPDATE "user" SET email = lower(btrim(email)) WHERE email <> lower(btrim(email));
    UPDATE "user" SET password_hash = hashed_password WHERE password_hash IS NULL AND hashed_password IS NOT NULL;

    -- One password in two columns, kept equal both ways: whichever side changes it, the other column follows.
    -- Our inserts set password_hash only, so hashed_password is filled and ck_users_auth_method holds.
    CREATE OR REPLACE FUNCTION efs_sync_legacy_password() RETURNS TRIGGER AS $sync$
    BEGIN
        IF TG_OP = 'INSERT' THEN
            IF NEW.password_hash IS NULL THEN
                NEW.password_hash := NEW.hashed_password;
            ELSIF NEW.hashed_password IS NULL THEN
                NEW.hashed_password := NEW.password_hash;
            END IF;
        ELSIF NEW.password_hash IS DISTINCT FROM OLD.password_hash THEN
            NEW.hashed_password := NEW.password_hash;
        ELSIF NEW.hashed_password IS DISTINCT FROM OLD.hashed_password THEN
            NEW.password_hash := NEW.hashed_password;
        END IF;
        RETURN NEW;
    END;
    $sync$ LANGUAGE plpgsql;
    DROP TRIGGER IF EXISTS trigger_efs_sync_legacy_password ON "user";
    CREATE TRIGGER trigger_efs_sync_legacy_password BEFORE INSERT OR UPDATE ON "user"
        FOR EACH ROW EXECUTE FUNCTION efs_sync_legacy_password();

    -- Legacy roles, mapped once; from now on user_role is the owner (DD013).
    IF EXISTS (SELECT 1 FROM information_schema.columns
               WHERE table_schema = current_schema() AND table_name = 'user' AND column_name = 'role') THEN
        INSERT INTO user_role (user_id, role) SELECT id, 'ADMIN' FROM "user" WHERE role = 'admin'
            ON CONFLICT DO NOTHING;
        INSERT INTO user_role (user_id, role) SELECT id, 'EXPERT' FROM "user" WHERE role = 'super_user'
            ON CONFLICT DO NOTHING;
    END IF;
    INSERT INTO user_role (user_id, role) SELECT DISTINCT user_id, 'EXPERT' FROM expert_profiles WHERE is_active
        ON CONFLICT DO NOTHING;

    UPDATE expert_profiles SET adopted_metrics_pending = true;
END
$adopt$;
