-- The seed assumes an INTEGER-keyed "user" table already exists (the assistant's own accounts).
-- Create it when absent; when present, add only the columns this application needs.
DO $$
BEGIN
    IF to_regclass('"user"') IS NULL THEN
        CREATE TABLE "user" (
            id                    SERIAL PRIMARY KEY,
            email                 VARCHAR(254) NOT NULL,
            display_name          VARCHAR(200) NOT NULL,
            password_hash         VARCHAR(100) NOT NULL,
            enabled               BOOLEAN      NOT NULL DEFAULT true,
            failed_login_attempts INTEGER      NOT NULL DEFAULT 0,
            locked_until          TIMESTAMPTZ,
            preferred_locale      VARCHAR(5),
            created_at            TIMESTAMPTZ  NOT NULL DEFAULT now(),
            version               BIGINT       NOT NULL DEFAULT 0
        );
    ELSE
        -- Existing rows may lack these values, so they cannot be NOT NULL here; the application requires them.
        ALTER TABLE "user" ADD COLUMN IF NOT EXISTS email                 VARCHAR(254);
        ALTER TABLE "user" ADD COLUMN IF NOT EXISTS display_name          VARCHAR(200);
        ALTER TABLE "user" ADD COLUMN IF NOT EXISTS password_hash         VARCHAR(100);
        ALTER TABLE "user" ADD COLUMN IF NOT EXISTS enabled               BOOLEAN     NOT NULL DEFAULT true;
        ALTER TABLE "user" ADD COLUMN IF NOT EXISTS failed_login_attempts INTEGER     NOT NULL DEFAULT 0;
        ALTER TABLE "user" ADD COLUMN IF NOT EXISTS locked_until          TIMESTAMPTZ;
        ALTER TABLE "user" ADD COLUMN IF NOT EXISTS preferred_locale      VARCHAR(5);
        ALTER TABLE "user" ADD COLUMN IF NOT EXISTS created_at            TIMESTAMPTZ NOT NULL DEFAULT now();
        ALTER TABLE "user" ADD COLUMN IF NOT EXISTS version               BIGINT      NOT NULL DEFAULT 0;
    END IF;
END $$;

-- Emails are compared case-insensitively; the application stores them lower-cased.
CREATE UNIQUE INDEX IF NOT EXISTS uq_user_email ON "user" (lower(email));

CREATE TABLE IF NOT EXISTS user_role (
    user_id INTEGER     NOT NULL REFERENCES "user" (id) ON DELETE CASCADE,
    role    VARCHAR(20) NOT NULL CONSTRAINT user_role_known CHECK (role IN ('EXPERT', 'REVIEWER', 'ADMIN')),
    PRIMARY KEY (user_id, role)
);
