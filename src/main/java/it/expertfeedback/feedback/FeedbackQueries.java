package it.expertfeedback.feedback;

import it.expertfeedback.base.sql.Where;
import it.expertfeedback.base.validation.TextRules;
import it.expertfeedback.expert.ExpertActivity;
import it.expertfeedback.faq.FeedbackBehindCandidates.SourceFeedback;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * All of the feedback feature's SQL: the browser's filtered pages, counts per category and per verdict (from
 * analytics' published {@code feedback_daily_counts} when the filter allows), and the feedback behind FAQ
 * candidates (faq's {@code faq_candidate_sources}). Experts' names come from expert's {@code expert_names} (V13).
 */
@Component
class FeedbackQueries {

    // Starts with a blank: it is appended right after select lists.
    /** The document of V14's idx_expert_feedback_fts, verbatim: question and both answers, stemmed, unaccented. */
    static final String SEARCHABLE = "to_tsvector('efs_italian'::regconfig, coalesce(f.query_text, '') || ' ' "
            + "|| coalesce(f.original_answer, '') || ' ' || coalesce(f.expert_answer, ''))";

    private static final String FROM = " " + """
             from expert_feedback f
             join expert_names u on u.expert_id = f.expert_id""";

    private static final RowMapper<FeedbackRow> ROW = (rs, n) -> new FeedbackRow(rs.getObject("id", UUID.class),
            rs.getTimestamp("feedback_timestamp").toInstant(), rs.getObject("expert_id", UUID.class),
            // A label outside our codes (an adopted database's VARCHAR columns) reads as null: shown as unknown.
            (Integer) rs.getObject("user_id"), rs.getString("display_name"),
            FeedbackType.fromCode(rs.getString("feedback_type")).orElse(null),
            FeedbackCategory.fromCode(rs.getString("category")).orElse(null),
            rs.getString("query_text"),
            rs.getString("review_verdict") == null ? null : ReviewVerdict.valueOf(rs.getString("review_verdict")),
            rs.getBoolean("improvement_applied"), rs.getDouble("confidence_score"),
            rs.getString("category") != null && FeedbackCategory.fromCode(rs.getString("category")).isEmpty());

    /** The calendar the daily rollup counts days in (V10). */
    private static final ZoneId ROLLUP_ZONE = ZoneId.of("Europe/Rome");

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
                        select f.id, f.feedback_timestamp, f.expert_id, u.user_id, u.display_name, f.feedback_type::text as feedback_type,
                               f.category::text as category, left(f.query_text, 300) as query_text, f.review_verdict,
                               f.improvement_applied, f.confidence_score""" + FROM + where.sql()
                        + " order by f.feedback_timestamp " + direction + ", f.id " + direction + " limit :limit offset :offset")
                .params(where.params()).param("limit", limit).param("offset", offset)
                .query(ROW).list();
    }

    /**
     * The rows next to one in {@link #find}'s order under the same filter: "previous" is the one shown above it.
     * Keyset, not offsets: each side is the first row past the current (timestamp, id), read along the timestamp
     * index, so it costs the same on the first page and on the ten-thousandth.
     */
    FeedbackNeighbours neighbours(FeedbackFilter filter, boolean oldestFirst, java.time.Instant timestamp, UUID id) {
        Where where = where(filter, true, true).param("ts", Timestamp.from(timestamp)).param("id", id);
        String earlier = "f.feedback_timestamp <= :ts and (f.feedback_timestamp < :ts or f.id < :id)";
        String later = "f.feedback_timestamp >= :ts and (f.feedback_timestamp > :ts or f.id > :id)";
        String before = "(select f.id" + FROM + where.sqlAnd(earlier) + " order by f.feedback_timestamp desc, f.id desc limit 1)";
        String after = "(select f.id" + FROM + where.sqlAnd(later) + " order by f.feedback_timestamp, f.id limit 1)";
        // Newest first, the row above is the later one; oldest first, the earlier one.
        return jdbc.sql("select " + (oldestFirst ? before : after) + " as previous, " + (oldestFirst ? after : before) + " as next")
                .params(where.params())
                .query((rs, n) -> new FeedbackNeighbours(rs.getObject("previous", UUID.class), rs.getObject("next", UUID.class)))
                .single();
    }

    /** One expert's feedback since an instant, newest first (idx_expert_feedback_expert_timestamp). */
    List<FeedbackRow> ofExpertSince(UUID expertId, java.time.Instant since, int limit) {
        return jdbc.sql("""
                        select f.id, f.feedback_timestamp, f.expert_id, u.user_id, u.display_name, f.feedback_type::text as feedback_type,
                               f.category::text as category, left(f.query_text, 300) as query_text, f.review_verdict,
                               f.improvement_applied, f.confidence_score""" + FROM
                        + " where f.expert_id = :expert and f.feedback_timestamp >= :since"
                        + " order by f.feedback_timestamp desc, f.id desc limit :limit")
                .param("expert", expertId).param("since", Timestamp.from(since)).param("limit", limit)
                .query(ROW).list();
    }

    long count(FeedbackFilter filter) {
        if (countableFromDailyRollup(filter)) {
            Where where = rollupWhere(filter, true, true);
            return jdbc.sql("select coalesce(sum(feedback), 0) from feedback_daily_counts" + where.sql())
                    .params(where.params()).query(Long.class).single();
        }
        Where where = where(filter, true, true);
        return jdbc.sql("select count(*)" + FROM + where.sql()).params(where.params()).query(Long.class).single();
    }

    /**
     * Verdict, category and Italian days are all the daily rollup of V10 knows; a filter of only those is counted
     * from it (at most 18 rows a day) instead of counting feedback rows. Other filters count the rows they match.
     */
    private boolean countableFromDailyRollup(FeedbackFilter filter) {
        return zone.equals(ROLLUP_ZONE) && filter.expertId() == null && TextRules.clean(filter.expertText()) == null
                && TextRules.clean(filter.text()) == null && filter.reviewed() == null && filter.improvementApplied() == null
                && !anySuperseded();
    }

    /**
     * The rollup leaves superseded rows out (V20) while the browser lists them (marked as such): with any present
     * (an adopted database's duplicates, DOMAIN.md §11) the browser counts the rows it lists. An empty partial
     * index on our own schema (idx_expert_feedback_superseded) answers this.
     */
    private boolean anySuperseded() {
        return jdbc.sql("select exists (select 1 from expert_feedback where superseded_at is not null)")
                .query(Boolean.class).single();
    }

    private static Where rollupWhere(FeedbackFilter filter, boolean withType, boolean withCategory) {
        return Where.where()
                .andIfPresent(withType ? filter.type() : null, "feedback_type = :type", "type", type -> Where.untyped(type.code()))
                .andIfPresent(withCategory ? filter.category() : null, "category = :category", "category", FeedbackCategory::code)
                .andIfPresent(filter.from(), "day >= :from", "from")
                // Feedback without a timestamp is kept under day '-infinity': no date range may include it.
                .andIfPresent(filter.to(), filter.from() == null ? "day > '-infinity' and day <= :to" : "day <= :to", "to");
    }

    /** Per category under the other filters (the category filter itself is left out, so every count stays clickable). */
    Map<FeedbackCategory, Long> countByCategory(FeedbackFilter filter) {
        if (countableFromDailyRollup(filter)) {
            Where where = rollupWhere(filter, true, false);
            return counts(FeedbackCategory.class, FeedbackCategory::fromCode, "select category as code, sum(feedback) as n"
                    + " from feedback_daily_counts" + where.sqlAnd("category <> ''") + " group by category", where);
        }
        Where where = where(filter, true, false);
        return counts(FeedbackCategory.class, FeedbackCategory::fromCode, "select f.category::text as code, count(*) as n" + FROM
                + where.sqlAnd("f.category is not null") + " group by f.category", where);
    }

    /** Per verdict (correct / incomplete / incorrect) under the other filters. */
    Map<FeedbackType, Long> countByType(FeedbackFilter filter) {
        if (countableFromDailyRollup(filter)) {
            Where where = rollupWhere(filter, false, true);
            return counts(FeedbackType.class, FeedbackType::fromCode, "select feedback_type::text as code, sum(feedback) as n"
                    + " from feedback_daily_counts" + where.sql() + " group by feedback_type", where);
        }
        Where where = where(filter, false, true);
        return counts(FeedbackType.class, FeedbackType::fromCode, "select f.feedback_type::text as code, count(*) as n" + FROM + where.sql()
                + " group by f.feedback_type", where);
    }

    /**
     * Counts by enum code; codes with no feedback (a rollup row back at zero) are left out like absent ones, and so
     * are labels outside our codes (an adopted database's VARCHAR columns): they have no count button to carry.
     */
    private <E extends Enum<E>> Map<E, Long> counts(Class<E> type, Function<String, Optional<E>> parse, String sql,
                                                    Where where) {
        Map<E, Long> counts = new EnumMap<>(type);
        jdbc.sql(sql).params(where.params()).query(rs -> {
            Optional<E> code = parse.apply(rs.getString("code"));
            if (rs.getLong("n") > 0 && code.isPresent()) {
                counts.put(code.get(), rs.getLong("n"));
            }
        });
        return counts;
    }

    /** An expert's counts for trust, in one statement (idx_expert_feedback_expert_id); superseded rows do not count. */
    ExpertActivity.Stats activityOf(UUID expertId) {
        return jdbc.sql("""
                        select count(*) as feedback_count,
                               count(review_verdict) as resolved,
                               count(*) filter (where review_verdict = 'upheld') as upheld,
                               coalesce(round(avg(time_spent_seconds)), 0) as average_time
                        from expert_feedback where expert_id = :expertId and superseded_at is null""")
                .param("expertId", expertId)
                .query((rs, n) -> new ExpertActivity.Stats(rs.getInt("feedback_count"), rs.getInt("resolved"),
                        rs.getInt("upheld"), rs.getInt("average_time")))
                .single();
    }

    /** Who submitted feedback as this expert: the account's id and name, for four eyes and the detail page. */
    Optional<Submitter> submitter(UUID expertId) {
        return jdbc.sql("select user_id, display_name from expert_names where expert_id = :expert")
                .param("expert", expertId)
                .query((rs, n) -> new Submitter(rs.getInt("user_id"), rs.getString("display_name")))
                .optional();
    }

    record Submitter(int userId, String displayName) {
    }

    /** The feedback a candidate came from or absorbed, oldest first (links from faq's view, names from expert's). */
    List<SourceFeedback> sourcesOf(UUID candidateId) {
        return jdbc.sql("""
                        select f.id, f.expert_id, u.user_id, u.display_name, f.feedback_type::text as feedback_type,
                               f.query_text, f.original_answer, f.expert_answer, u.trust_score, f.confidence_score,
                               f.regulatory_references
                        from faq_candidate_sources l
                        join expert_feedback f on f.id = l.feedback_id
                        join expert_names u on u.expert_id = f.expert_id
                        where l.candidate_id = :candidate
                        order by f.feedback_timestamp, f.id""")
                .param("candidate", candidateId)
                .query((rs, n) -> new SourceFeedback(rs.getObject("id", UUID.class), rs.getObject("expert_id", UUID.class),
                        rs.getInt("user_id"), rs.getString("display_name"), rs.getString("feedback_type"),
                        rs.getString("query_text"), rs.getString("original_answer"), rs.getString("expert_answer"),
                        (Double) rs.getObject("trust_score"), (Double) rs.getObject("confidence_score"),
                        texts(rs.getArray("regulatory_references"))))
                .list();
    }

    /** Feedback id → the approved (published) candidate it produced or joined, through faq's published views. */
    Map<UUID, UUID> approvedCandidates(Collection<UUID> feedbackIds) {
        Map<UUID, UUID> approved = new HashMap<>();
        jdbc.sql("""
                        select l.feedback_id, l.candidate_id from faq_candidate_sources l
                        join faq_candidate_facts c on c.id = l.candidate_id
                        where c.approval_status = 'approved' and l.feedback_id in (:ids)""")
                .param("ids", feedbackIds)
                .query(rs -> {
                    approved.put(rs.getObject("feedback_id", UUID.class), rs.getObject("candidate_id", UUID.class));
                });
        return approved;
    }

    /** The proposing expert's own feedback behind a candidate: what its decision judges. */
    List<UUID> proposersFeedbackBehind(UUID candidateId, UUID expertId) {
        return jdbc.sql("""
                        select f.id from faq_candidate_sources l join expert_feedback f on f.id = l.feedback_id
                        where l.candidate_id = :candidate and f.expert_id = :expert""")
                .param("candidate", candidateId).param("expert", expertId)
                .query(UUID.class).list();
    }

    private Where where(FeedbackFilter filter, boolean withType, boolean withCategory) {
        return Where.where()
                .andIfPresent(withType ? filter.type() : null, "f.feedback_type = :type", "type",
                        type -> Where.untyped(type.code()))
                .andIfPresent(withCategory ? filter.category() : null,
                        "f.category = :category", "category", category -> Where.untyped(category.code()))
                .andIfPresent(filter.expertId(), "f.expert_id = :expertId", "expertId")
                .andIfText(filter.expertText(), "(u.display_name ilike :expert or u.email ilike :expert)", "expert")
                .andIfPresent(filter.from(), "f.feedback_timestamp >= :from", "from",
                        day -> Timestamp.from(day.atStartOfDay(zone).toInstant()))
                .andIfPresent(filter.to(), "f.feedback_timestamp < :to", "to",
                        day -> Timestamp.from(day.plusDays(1).atStartOfDay(zone).toInstant()))
                .andIfWords(filter.text(), SEARCHABLE, "text")
                .andIf(Boolean.TRUE.equals(filter.reviewed()), "f.review_verdict is not null")
                .andIf(Boolean.FALSE.equals(filter.reviewed()), "f.review_verdict is null")
                .andIfPresent(filter.improvementApplied(), "f.improvement_applied = :applied", "applied");
    }

    private static List<String> texts(java.sql.Array array) throws java.sql.SQLException {
        return array == null ? List.of() : java.util.Arrays.asList((String[]) array.getArray());
    }
}
