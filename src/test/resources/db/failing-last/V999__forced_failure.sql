-- Test only: a last migration that fails after every other one has run in the same transaction.
CREATE TABLE forced_failure_probe (id INTEGER);
SELECT 1 / 0;
