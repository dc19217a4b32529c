ALTER TABLE "user" DROP COLUMN IF EXISTS password_change_required;
