ALTER TABLE review_slot RESET (autovacuum_vacuum_scale_factor, autovacuum_vacuum_threshold,
                               autovacuum_analyze_scale_factor, vacuum_index_cleanup);
