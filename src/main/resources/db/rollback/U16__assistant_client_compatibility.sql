-- Undoes V16: refresh tokens, improvement tasks and the feedback's task-tracking columns.
DROP TABLE IF EXISTS refresh_token;
DROP SEQUENCE IF EXISTS expert_generated_task_number;
DROP TABLE IF EXISTS expert_generated_tasks;
ALTER TABLE expert_feedback DROP COLUMN IF EXISTS task_creation_error;
ALTER TABLE expert_feedback DROP COLUMN IF EXISTS task_creation_success;
ALTER TABLE expert_feedback DROP COLUMN IF EXISTS task_creation_attempted;
ALTER TABLE expert_feedback DROP COLUMN IF EXISTS generated_task_id;
