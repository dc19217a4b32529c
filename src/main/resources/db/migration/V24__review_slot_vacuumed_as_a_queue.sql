-- review_slot is a queue consumed from the front of idx_review_slot_queue: every claim and every completion leaves
-- a dead index entry where the next claim starts its walk (measured: 4 index buffers on a fresh queue, 162 after
-- 10,000 claims, 0.02 → 0.36 ms before the first open slot). The default trigger (20 % of the table's rows dead)
-- would let 20,000 pile up in a 100,000-slot inbox; vacuum it after every 1,000 dead rows instead, and never
-- skip cleaning its indexes (the cleanup bypass exists for tables whose dead rows are spread thin; here they sit
-- exactly where every claim reads).
ALTER TABLE review_slot SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 1000,
                             autovacuum_analyze_scale_factor = 0.05, vacuum_index_cleanup = on);
