-- Bearer tokens carry the account's token_version; any change that must end existing sessions of the API
-- (password change or reset, lock, disable, role change) increments it, so older tokens are refused at once.
ALTER TABLE "user" ADD COLUMN IF NOT EXISTS token_version INTEGER NOT NULL DEFAULT 0;
