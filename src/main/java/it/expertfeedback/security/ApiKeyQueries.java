package it.expertfeedback.security;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The SQL of the assistant's API keys (table api_key, V18). */
@Component
class ApiKeyQueries {

    private static final RowMapper<ApiKeyRow> ROW = (rs, n) -> new ApiKeyRow(rs.getObject("id", UUID.class),
            rs.getString("name"), rs.getString("key_prefix"), instant(rs.getTimestamp("created_at")),
            rs.getString("created_by_name"), instant(rs.getTimestamp("expires_at")),
            instant(rs.getTimestamp("revoked_at")), instant(rs.getTimestamp("last_used_at")));

    private final JdbcClient jdbc;

    ApiKeyQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, String name, String prefix, String hash, Integer createdBy, Instant expiresAt) {
        jdbc.sql("""
                insert into api_key (id, name, key_prefix, key_hash, created_by, expires_at)
                values (:id, :name, :prefix, :hash, :createdBy, :expiresAt)""")
                .param("id", id).param("name", name).param("prefix", prefix).param("hash", hash)
                .param("createdBy", createdBy).param("expiresAt", timestamp(expiresAt)).update();
    }

    List<ApiKeyRow> all() {
        return jdbc.sql("""
                select k.id, k.name, k.key_prefix, k.created_at, u.display_name as created_by_name, k.expires_at,
                       k.revoked_at, k.last_used_at
                from api_key k left join "user" u on u.id = k.created_by
                order by k.revoked_at nulls first, k.created_at desc""").query(ROW).list();
    }

    Optional<ApiKeyRow> find(UUID id) {
        return jdbc.sql("""
                select k.id, k.name, k.key_prefix, k.created_at, u.display_name as created_by_name, k.expires_at,
                       k.revoked_at, k.last_used_at
                from api_key k left join "user" u on u.id = k.created_by where k.id = :id""")
                .param("id", id).query(ROW).optional();
    }

    /** The key with this hash when it is neither revoked nor expired at {@code now}. */
    Optional<AssistantPrincipal> findUsable(String hash, Instant now) {
        return jdbc.sql("""
                select id, name from api_key
                where key_hash = :hash and revoked_at is null and (expires_at is null or expires_at > :now)""")
                .param("hash", hash).param("now", timestamp(now))
                .query((rs, n) -> new AssistantPrincipal(rs.getObject("id", UUID.class), rs.getString("name")))
                .optional();
    }

    /** At most one write a minute per key: "last used" is for people, not an access log. */
    void touch(UUID id, Instant now) {
        jdbc.sql("""
                update api_key set last_used_at = :now
                where id = :id and (last_used_at is null or last_used_at < cast(:now as timestamptz) - interval '1 minute')""")
                .param("id", id).param("now", timestamp(now)).update();
    }

    boolean revoke(UUID id, Integer by, Instant now) {
        return jdbc.sql("update api_key set revoked_at = :now, revoked_by = :by where id = :id and revoked_at is null")
                .param("id", id).param("by", by).param("now", timestamp(now)).update() == 1;
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
