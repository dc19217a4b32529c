package it.expertfeedback.base.audit;

import it.expertfeedback.base.sql.Where;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The audit log's SQL: the append and the filtered, newest-first pages. Only AuditService calls it. */
@Component
class AuditQueries {

    private static final String SELECT = """
            select id, occurred_at, actor_user_id, actor_email, entity_type, entity_id, action,
                   before_state::text as before_state, after_state::text as after_state
            from audit_log""";
    private static final RowMapper<AuditEntry> ENTRY = (rs, n) -> new AuditEntry(rs.getLong("id"),
            rs.getTimestamp("occurred_at").toInstant(), (Integer) rs.getObject("actor_user_id"),
            rs.getString("actor_email"), rs.getString("entity_type"), rs.getString("entity_id"),
            rs.getString("action"), rs.getString("before_state"), rs.getString("after_state"));

    private final JdbcClient jdbc;

    AuditQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Instant at, Integer actorId, String actorEmail, String entityType, String entityId, String action,
                String beforeJson, String afterJson) {
        jdbc.sql("""
                        insert into audit_log (occurred_at, actor_user_id, actor_email, entity_type, entity_id, action,
                                               before_state, after_state)
                        values (:at, :actorId, :actorEmail, :entityType, :entityId, :action,
                                cast(:before as jsonb), cast(:after as jsonb))""")
                .param("at", Timestamp.from(at))
                .param("actorId", actorId)
                .param("actorEmail", actorEmail)
                .param("entityType", entityType)
                .param("entityId", entityId)
                .param("action", action)
                .param("before", beforeJson)
                .param("after", afterJson)
                .update();
    }

    List<AuditEntry> find(AuditFilter filter, ZoneId zone, long offset, int limit) {
        Where where = where(filter, zone);
        return jdbc.sql(SELECT + where.sql() + " order by occurred_at desc, id desc limit :limit offset :offset")
                .params(where.params())
                .param("limit", limit)
                .param("offset", offset)
                .query(ENTRY)
                .list();
    }

    long count(AuditFilter filter, ZoneId zone) {
        Where where = where(filter, zone);
        return jdbc.sql("select count(*) from audit_log" + where.sql()).params(where.params()).query(Long.class).single();
    }

    private static Where where(AuditFilter filter, ZoneId zone) {
        // Plain substring patterns (no escaping of % and _), as the audit search has always matched.
        return Where.where()
                .andIfPresent(textOrNull(filter.entityType()), "entity_type = :entityType", "entityType")
                .andIfPresent(textOrNull(filter.action()), "action = :action", "action")
                .andIfPresent(textOrNull(filter.actorEmail()), "actor_email ilike :actor", "actor", email -> "%" + email.trim() + "%")
                .andIfPresent(textOrNull(filter.text()),
                        "(entity_id ilike :text or before_state::text ilike :text or after_state::text ilike :text)", "text",
                        text -> "%" + text.trim() + "%")
                .andIfPresent(filter.from(), "occurred_at >= :from", "from",
                        day -> Timestamp.from(day.atStartOfDay(zone).toInstant()))
                .andIfPresent(filter.to(), "occurred_at < :to", "to",
                        day -> Timestamp.from(day.plusDays(1).atStartOfDay(zone).toInstant()));
    }

    private static String textOrNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
