-- The claim reads open slots and expired leases along two indexes instead of one over both states (DD015
-- amendment, 2026-12-01). With one index a claim wrote the claimed version of its row into the very index it had
-- just read, at the queue's front: the page under every claimer kept changing, so the entries left dead there were
-- never marked dead by the scans that passed them (a b-tree marks them only if the page did not change meanwhile),
-- and every claim visited the table for each dead entry since the last vacuum. Now the claimed version belongs to
-- the small lease index, claims no longer write into the open-slot index (only new requests and released slots do),
-- and the first claimer that passes a dead entry marks it for all the others.
CREATE INDEX idx_review_slot_open ON review_slot (priority DESC, requested_at, id) WHERE state = 'open';
-- Expired leases come back to the pool: the live claims, by when their lease ends.
CREATE INDEX idx_review_slot_lease ON review_slot (lease_expires_at) WHERE state = 'claimed';
DROP INDEX idx_review_slot_queue;
