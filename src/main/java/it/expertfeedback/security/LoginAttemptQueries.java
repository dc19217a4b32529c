package it.expertfeedback.security;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The lock-out counter as single UPDATE statements. Read-modify-write through the entity lost counts under
 * parallel attempts (12 parallel wrong logins counted 2, the rest failed on the optimistic lock with 409); one
 * UPDATE per attempt is serialised by PostgreSQL's row lock, and its WHERE re-checked after the wait, so the
 * count is exact and nothing is counted once the account is locked.
 */
@Component
class LoginAttemptQueries {

    /** What the counter says after one counted failure. */
    record FailedLogin(int userId, int failedAttempts, Instant lockedUntil) {
    }

    private final JdbcClient jdbc;

    LoginAttemptQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Counts one wrong password for the account with this email unless it is locked right now. An expired lock
     * starts a new series. Reaching the limit locks the account and revokes its tokens. Empty when nothing was
     * counted (no such account, or locked already).
     */
    Optional<FailedLogin> countFailure(String email, Instant now) {
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        OffsetDateTime lockEnd = OffsetDateTime.ofInstant(now.plus(UserAccount.LOCK_DURATION), ZoneOffset.UTC);
        // The new count, written out in each SET: only the row's own columns are re-read after waiting for a
        // concurrent attempt's row lock (a joined sub-select would keep the stale count). 1 after an expired lock.
        String attempts = "(case when locked_until is not null then 1 else failed_login_attempts + 1 end)";
        return jdbc.sql("""
                update "user" set
                    failed_login_attempts = %1$s,
                    locked_until = case when %1$s >= :max then cast(:lockEnd as timestamptz) else null end,
                    token_version = token_version + case when %1$s >= :max then 1 else 0 end,
                    version = version + 1
                where lower(email) = lower(:email) and (locked_until is null or locked_until <= cast(:now as timestamptz))
                returning id, failed_login_attempts, locked_until""".formatted(attempts))
                .param("max", UserAccount.MAX_FAILED_LOGINS).param("lockEnd", lockEnd).param("now", at)
                .param("email", email)
                .query((rs, n) -> new FailedLogin(rs.getInt("id"), rs.getInt("failed_login_attempts"),
                        rs.getObject("locked_until", OffsetDateTime.class) == null ? null
                                : rs.getObject("locked_until", OffsetDateTime.class).toInstant()))
                .optional();
    }

    /** A successful sign-in ends the series of failures. */
    void reset(int userId) {
        jdbc.sql("""
                update "user" set failed_login_attempts = 0, locked_until = null, version = version + 1
                where id = :id and (failed_login_attempts > 0 or locked_until is not null)""")
                .param("id", userId).update();
    }
}
