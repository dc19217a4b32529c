CREATE INDEX idx_review_slot_queue ON review_slot (priority DESC, requested_at, id) WHERE state IN ('open', 'claimed');
DROP INDEX idx_review_slot_lease;
DROP INDEX idx_review_slot_open;
