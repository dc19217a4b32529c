package it.expertfeedback.security;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Refresh tokens (V16), by the SHA-256 of the token: the database never holds a usable token. Using one is a single
 * UPDATE guarded by {@code used_at is null}, so of two concurrent uses exactly one succeeds.
 */
@Component
class RefreshTokenQueries {

    /** Whose token it was, and the account's token_version when it was issued. */
    record Consumed(int userId, int tokenVersion) {
    }

    private final JdbcClient jdbc;

    RefreshTokenQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(int userId, String tokenHash, int tokenVersion, Instant expiresAt) {
        jdbc.sql("""
                        insert into refresh_token (user_id, token_hash, token_version, expires_at)
                        values (:user, :hash, :version, :expires)""")
                .param("user", userId).param("hash", tokenHash).param("version", tokenVersion)
                .param("expires", OffsetDateTime.ofInstant(expiresAt, ZoneOffset.UTC))
                .update();
    }

    /** Marks the token used; empty when it is unknown, used already or expired. */
    Optional<Consumed> consume(String tokenHash, Instant now) {
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        return jdbc.sql("""
                        update refresh_token set used_at = :now
                        where token_hash = :hash and used_at is null and expires_at > :now
                        returning user_id, token_version""")
                .param("hash", tokenHash).param("now", at)
                .query((rs, n) -> new Consumed(rs.getInt("user_id"), rs.getInt("token_version")))
                .optional();
    }
}
