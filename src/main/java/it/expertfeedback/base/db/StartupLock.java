package it.expertfeedback.base.db;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Serialises the one-time start-up work (demo seeding, the admin bootstrap) across instances that share one
 * PostgreSQL and start at the same moment. Flyway already takes a lock of its own for migrations; this one covers
 * what runs after them. Transaction-scoped, so it cannot outlive a crashed start: the caller checks "already done"
 * after taking it, inside the same transaction, and commits (or rolls back) its work before the next instance goes.
 */
@Component
public class StartupLock {

    /** The advisory-lock key (any bigint, fixed for the application): "EFS start" in ASCII. */
    public static final long KEY = 0x4546535F53544152L;

    private final JdbcTemplate jdbc;

    StartupLock(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Waits until no other instance holds the start-up lock, then holds it until the caller's transaction ends. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void acquire() {
        jdbc.query("select pg_advisory_xact_lock(?)", row -> { }, KEY);
    }
}
