-- ShedLock's table: with several instances on one database, a scheduled job (the analytics rollup compaction) runs
-- on one instance at a time. One row per job; lock_until is in the database's clock (UTC), so instances with skewed
-- clocks still agree on who holds a lock.
CREATE TABLE IF NOT EXISTS shedlock (
    name       VARCHAR(64)  PRIMARY KEY,
    lock_until TIMESTAMP    NOT NULL,
    locked_at  TIMESTAMP    NOT NULL,
    locked_by  VARCHAR(255) NOT NULL
);
