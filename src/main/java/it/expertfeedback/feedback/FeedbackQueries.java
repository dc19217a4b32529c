package it.expertfeedback.feedback;

import it.expertfeedback.base.validation.TextRules;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The feedback browser's SQL: filtered pages, counts per category and per verdict. Only FeedbackService calls it. */
@Component
class FeedbackQueries {

    // Starts with a blank: it is appended right after select lists.
    private static final String FROM = " " + """
             from expert_feedback f
             join expert_profiles e on e.id = f.expert_id
             join "user" u on u.id = e.user_id""";

    private static final RowMapper<FeedbackRow> ROW = (rs, n) -> new FeedbackRow(rs.getObject("id", UUID.class),
            rs.getTimestamp("feedback_timestamp").toInstant(), rs.getObject("expert_id", UUID.class),
            rs.getString("display_name"), FeedbackType.valueOf(rs.getString("feedback_type")),
            rs.getString("category") == null ? null : FeedbackCategory.valueOf(rs.getString("category")),
            rs.getString("query_text"),
            rs.getString("review_verdict") == null ? null : ReviewVerdict.valueOf(rs.getString("review_verdict")),
            rs.getBoolean("improvement_applied"), rs.getDouble("confidence_score"));

    private final JdbcClient jdbc;
    private final ZoneId zone;

    FeedbackQueries(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.zone = clock.getZone();
    }

    /** Newest first (or oldest first when asked), the id breaking ties so pages never overlap. */
    List<FeedbackRow> find(FeedbackFilter filter, boolean oldestFirst, long offset, int limit) {
        Where where = where(filter, true, true);
        String direction = oldestFirst ? "asc" : "desc";
        return jdbc.sql("""
                        select f.id, f.feedback_timestamp, f.expert_id, u.display_name, f.feedback_type::text as feedback_type,
                               f.category::text as category, left(f.query_text, 300) as query_text, f.review_verdict,
                               f.improvement_applied, f.confidence_score""" + FROM + where.sql
                        + " order by f.feedback_timestamp " + direction + ", f.id " + direction + " limit :limit offset :offset")
                .params(where.params).param("limit", limit).param("offset", offset)
                .query(ROW).list();
    }

    /** One expert's feedback since an instant, newest first (idx_expert_feedback_expert_timestamp). */
    List<FeedbackRow> ofExpertSince(UUID expertId, java.time.Instant since, int limit) {
        return jdbc.sql("""
                        select f.id, f.feedback_timestamp, f.expert_id, u.display_name, f.feedback_type::text as feedback_type,
                               f.category::text as category, left(f.query_text, 300) as query_text, f.review_verdict,
                               f.improvement_applied, f.confidence_score""" + FROM
                        + " where f.expert_id = :expert and f.feedback_timestamp >= :since"
                        + " order by f.feedback_timestamp desc, f.id desc limit :limit")
                .param("expert", expertId).param("since", Timestamp.from(since)).param("limit", limit)
                .query(ROW).list();
    }

    long count(FeedbackFilter filter) {
        Where where = where(filter, true, true);
        return jdbc.sql("select count(*)" + FROM + where.sql).params(where.params).query(Long.class).single();
    }

    /** Per category under the other filters (the category filter itself is left out, so every count stays clickable). */
    Map<FeedbackCategory, Long> countByCategory(FeedbackFilter filter) {
        Where where = where(filter, true, false);
        Map<FeedbackCategory, Long> counts = new EnumMap<>(FeedbackCategory.class);
        jdbc.sql("select f.category::text as category, count(*) as n" + FROM + where.sql
                        + (where.sql.isEmpty() ? " where" : " and") + " f.category is not null group by f.category")
                .params(where.params)
                .query(rs -> { counts.put(FeedbackCategory.valueOf(rs.getString("category")), rs.getLong("n")); });
        return counts;
    }

    /** Per verdict (correct / incomplete / incorrect) under the other filters. */
    Map<FeedbackType, Long> countByType(FeedbackFilter filter) {
        Where where = where(filter, false, true);
        Map<FeedbackType, Long> counts = new EnumMap<>(FeedbackType.class);
        jdbc.sql("select f.feedback_type::text as feedback_type, count(*) as n" + FROM + where.sql + " group by f.feedback_type")
                .params(where.params)
                .query(rs -> { counts.put(FeedbackType.valueOf(rs.getString("feedback_type")), rs.getLong("n")); });
        return counts;
    }

    private record Where(String sql, Map<String, Object> params) {
    }

    private Where where(FeedbackFilter filter, boolean withType, boolean withCategory) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (withType && filter.type() != null) {
            conditions.add("f.feedback_type = cast(:type as feedback_type)");
            params.put("type", filter.type().code());
        }
        if (withCategory && filter.category() != null) {
            conditions.add("f.category = cast(:category as italian_feedback_category)");
            params.put("category", filter.category().code());
        }
        if (filter.expertId() != null) {
            conditions.add("f.expert_id = :expertId");
            params.put("expertId", filter.expertId());
        }
        String expert = TextRules.clean(filter.expertText());
        if (expert != null) {
            conditions.add("(u.display_name ilike :expert or u.email ilike :expert)");
            params.put("expert", TextRules.likePattern(expert));
        }
        if (filter.from() != null) {
            conditions.add("f.feedback_timestamp >= :from");
            params.put("from", Timestamp.from(filter.from().atStartOfDay(zone).toInstant()));
        }
        if (filter.to() != null) {
            conditions.add("f.feedback_timestamp < :to");
            params.put("to", Timestamp.from(filter.to().plusDays(1).atStartOfDay(zone).toInstant()));
        }
        String text = TextRules.clean(filter.text());
        if (text != null) {
            conditions.add("(f.query_text ilike :text or f.original_answer ilike :text or f.expert_answer ilike :text)");
            params.put("text", TextRules.likePattern(text));
        }
        if (filter.reviewed() != null) {
            conditions.add(filter.reviewed() ? "f.review_verdict is not null" : "f.review_verdict is null");
        }
        if (filter.improvementApplied() != null) {
            conditions.add("f.improvement_applied = :applied");
            params.put("applied", filter.improvementApplied());
        }
        return new Where(conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions), params);
    }
}
