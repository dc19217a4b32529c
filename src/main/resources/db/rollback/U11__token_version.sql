ALTER TABLE "user" DROP COLUMN IF EXISTS token_version;
