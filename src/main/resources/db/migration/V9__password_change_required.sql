-- A one-time password (new account, reset) must be replaced by the person at their first sign-in.
ALTER TABLE "user" ADD COLUMN IF NOT EXISTS password_change_required BOOLEAN NOT NULL DEFAULT false;
