package it.expertfeedback.base.audit;

import it.expertfeedback.base.Access;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit log: append-only, written in the caller's transaction (MANDATORY), so a change and its audit
 * line are committed or rolled back together. Before/after are JSON snapshots.
 */
@Service
public class AuditService {

    private static final String SELECT = """
            select id, occurred_at, actor_user_id, actor_email, entity_type, entity_id, action,
                   before_state::text as before_state, after_state::text as after_state
            from audit_log""";
    private static final RowMapper<AuditEntry> ENTRY = (rs, n) -> new AuditEntry(rs.getLong("id"),
            rs.getTimestamp("occurred_at").toInstant(), (Integer) rs.getObject("actor_user_id"),
            rs.getString("actor_email"), rs.getString("entity_type"), rs.getString("entity_id"),
            rs.getString("action"), rs.getString("before_state"), rs.getString("after_state"));

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    AuditService(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** Records a change made by the signed-in user (or by the system when nobody is signed in). */
    @Transactional(propagation = Propagation.MANDATORY)
    @PreAuthorize(Access.PERMIT_ALL)
    public void record(String entityType, Object entityId, String action, Object before, Object after) {
        Optional<AuditActor> actor = currentActor();
        jdbc.sql("""
                        insert into audit_log (occurred_at, actor_user_id, actor_email, entity_type, entity_id, action,
                                               before_state, after_state)
                        values (:at, :actorId, :actorEmail, :entityType, :entityId, :action,
                                cast(:before as jsonb), cast(:after as jsonb))""")
                .param("at", Timestamp.from(clock.instant()))
                .param("actorId", actor.map(AuditActor::userId).orElse(null))
                .param("actorEmail", actor.map(AuditActor::email).orElse("system"))
                .param("entityType", entityType)
                .param("entityId", String.valueOf(entityId))
                .param("action", action)
                .param("before", before == null ? null : json.writeValueAsString(before))
                .param("after", after == null ? null : json.writeValueAsString(after))
                .update();
    }

    @Transactional(readOnly = true)
    @PreAuthorize(Access.IS_ADMIN)
    public List<AuditEntry> find(AuditFilter filter, Pageable page) {
        Where where = where(filter);
        return jdbc.sql(SELECT + where.sql + " order by occurred_at desc, id desc limit :limit offset :offset")
                .params(where.params)
                .param("limit", page.getPageSize())
                .param("offset", page.getOffset())
                .query(ENTRY)
                .list();
    }

    @Transactional(readOnly = true)
    @PreAuthorize(Access.IS_ADMIN)
    public long count(AuditFilter filter) {
        Where where = where(filter);
        return jdbc.sql("select count(*) from audit_log" + where.sql).params(where.params).query(Long.class).single();
    }

    private static Optional<AuditActor> currentActor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof AuditActor actor) {
            return Optional.of(actor);
        }
        return Optional.empty();
    }

    private record Where(String sql, Map<String, Object> params) {
    }

    private Where where(AuditFilter filter) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new java.util.HashMap<>();
        if (hasText(filter.entityType())) {
            conditions.add("entity_type = :entityType");
            params.put("entityType", filter.entityType());
        }
        if (hasText(filter.action())) {
            conditions.add("action = :action");
            params.put("action", filter.action());
        }
        if (hasText(filter.actorEmail())) {
            conditions.add("actor_email ilike :actor");
            params.put("actor", "%" + filter.actorEmail().trim() + "%");
        }
        if (hasText(filter.text())) {
            conditions.add("(entity_id ilike :text or before_state::text ilike :text or after_state::text ilike :text)");
            params.put("text", "%" + filter.text().trim() + "%");
        }
        ZoneId zone = clock.getZone();
        if (filter.from() != null) {
            conditions.add("occurred_at >= :from");
            params.put("from", Timestamp.from(filter.from().atStartOfDay(zone).toInstant()));
        }
        if (filter.to() != null) {
            conditions.add("occurred_at < :to");
            params.put("to", Timestamp.from(filter.to().plusDays(1).atStartOfDay(zone).toInstant()));
        }
        return new Where(conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions), params);
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
