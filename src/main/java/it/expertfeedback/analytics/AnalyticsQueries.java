package it.expertfeedback.analytics;

import it.expertfeedback.analytics.AnalyticsSummary.CategoryCount;
import it.expertfeedback.analytics.AnalyticsSummary.Funnel;
import it.expertfeedback.analytics.AnalyticsSummary.Kpis;
import it.expertfeedback.analytics.AnalyticsSummary.LeaderRow;
import it.expertfeedback.analytics.AnalyticsSummary.TrendPoint;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every KPI of DOMAIN.md §6 as an aggregate query: rows never leave PostgreSQL, only the figures do. The window
 * is a half-open instant range [start, end) on feedback_timestamp (idx_expert_feedback_timestamp).
 */
@Component
class AnalyticsQueries {

    private static final String IN_WINDOW = " feedback_timestamp >= :start and feedback_timestamp < :end";

    private final JdbcClient jdbc;

    AnalyticsQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    AnalyticsSummary summary(AnalyticsWindow window) {
        Map<String, Long> byVerdict = byVerdict(window);
        return new AnalyticsSummary(window, kpis(window, byVerdict), kpis(window.previous(), byVerdict(window.previous())),
                byVerdict, byCategory(window), window.weekly() ? "week" : "day", trend(window), leaderboard(window, 20),
                funnel(window));
    }

    Map<String, Long> byVerdict(AnalyticsWindow window) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("correct", 0L);
        counts.put("incomplete", 0L);
        counts.put("incorrect", 0L);
        jdbc.sql("select feedback_type::text as t, count(*) as n from expert_feedback where" + IN_WINDOW + " group by 1")
                .params(range(window))
                .query(rs -> { counts.put(rs.getString("t"), rs.getLong("n")); });
        return counts;
    }

    Kpis kpis(AnalyticsWindow window, Map<String, Long> byVerdict) {
        long total = byVerdict.values().stream().mapToLong(Long::longValue).sum();
        Map<String, Object> range = range(window);
        long withFeedback = jdbc.sql("select count(distinct expert_id) from expert_feedback where" + IN_WINDOW)
                .params(range).query(Long.class).single();
        long active = jdbc.sql("select count(*) from expert_profiles where is_active and is_verified")
                .query(Long.class).single();
        long backlog = jdbc.sql("""
                        select count(*) from expert_feedback
                        where improvement_applied = false and feedback_type <> 'correct' and""" + IN_WINDOW)
                .params(range).query(Long.class).single();
        Double medianHours = jdbc.sql("""
                        select percentile_cont(0.5) within group (order by extract(epoch from approved_at - created_at) / 3600.0)
                        from expert_faq_candidates
                        where approved_by is not null and approved_at >= :start and approved_at < :end""")
                .params(range).query(Double.class).optional().orElse(null);
        return new Kpis(total, ratio(byVerdict.get("correct"), total), ratio(byVerdict.get("incorrect"), total),
                withFeedback, active, ratio(withFeedback, active), backlog, medianHours);
    }

    List<CategoryCount> byCategory(AnalyticsWindow window) {
        return jdbc.sql("""
                        select category::text as category,
                               count(*) filter (where feedback_type = 'correct') as correct,
                               count(*) filter (where feedback_type = 'incomplete') as incomplete,
                               count(*) filter (where feedback_type = 'incorrect') as incorrect,
                               count(*) as total
                        from expert_feedback where category is not null and""" + IN_WINDOW
                        + " group by category order by total desc, category")
                .params(range(window))
                .query((rs, n) -> new CategoryCount(rs.getString("category"), rs.getLong("correct"),
                        rs.getLong("incomplete"), rs.getLong("incorrect"), rs.getLong("total")))
                .list();
    }

    /** Per day (or ISO week), Italian calendar, every bucket present even when empty. */
    List<TrendPoint> trend(AnalyticsWindow window) {
        String unit = window.weekly() ? "week" : "day";
        Map<LocalDate, long[]> found = new HashMap<>();
        jdbc.sql("""
                        select date_trunc('%s', feedback_timestamp at time zone 'Europe/Rome')::date as bucket,
                               count(*) as n, count(*) filter (where feedback_type = 'correct') as correct
                        from expert_feedback where""".formatted(unit) + IN_WINDOW + " group by 1")
                .params(range(window))
                .query(rs -> { found.put(rs.getObject("bucket", LocalDate.class), new long[] {rs.getLong("n"), rs.getLong("correct")}); });
        List<TrendPoint> points = new ArrayList<>();
        LocalDate bucket = window.weekly() ? window.from().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) : window.from();
        while (!bucket.isAfter(window.to())) {
            long[] counts = found.getOrDefault(bucket, new long[2]);
            points.add(new TrendPoint(bucket, counts[0], counts[1], ratio(counts[1], counts[0])));
            bucket = bucket.plus(1, window.weekly() ? ChronoUnit.WEEKS : ChronoUnit.DAYS);
        }
        return points;
    }

    List<LeaderRow> leaderboard(AnalyticsWindow window, int limit) {
        return jdbc.sql("""
                        select e.id, u.display_name, count(*) as n,
                               count(*) filter (where f.review_verdict = 'upheld') as upheld,
                               count(f.review_verdict) as judged, e.trust_score,
                               percentile_cont(0.5) within group (order by f.time_spent_seconds) as median_time
                        from expert_feedback f
                        join expert_profiles e on e.id = f.expert_id
                        join "user" u on u.id = e.user_id
                        where f.feedback_timestamp >= :start and f.feedback_timestamp < :end
                        group by e.id, u.display_name, e.trust_score
                        order by n desc, e.trust_score desc, e.id
                        limit :limit""")
                .params(range(window)).param("limit", limit)
                .query((rs, n) -> new LeaderRow(rs.getObject("id", UUID.class), rs.getString("display_name"), rs.getLong("n"),
                        ratio(rs.getLong("upheld"), rs.getLong("judged")), rs.getDouble("trust_score"),
                        (Double) rs.getObject("median_time")))
                .list();
    }

    Funnel funnel(AnalyticsWindow window) {
        return jdbc.sql("""
                        select count(*) as created,
                               count(*) filter (where approval_status = 'approved' and auto_approved) as auto_approved,
                               count(*) filter (where approval_status = 'approved' and not auto_approved) as approved,
                               count(*) filter (where approval_status = 'rejected') as rejected,
                               count(*) filter (where approval_status = 'pending') as pending
                        from expert_faq_candidates where created_at >= :start and created_at < :end""")
                .params(range(window))
                .query((rs, n) -> new Funnel(rs.getLong("created"), rs.getLong("auto_approved"), rs.getLong("approved"),
                        rs.getLong("rejected"), rs.getLong("pending")))
                .single();
    }

    ExpertStats expertStats(UUID expertId, AnalyticsWindow trendWindow) {
        Map<String, Long> byVerdict = new LinkedHashMap<>();
        byVerdict.put("correct", 0L);
        byVerdict.put("incomplete", 0L);
        byVerdict.put("incorrect", 0L);
        long[] judgedUpheld = new long[2];
        jdbc.sql("""
                        select feedback_type::text as t, count(*) as n, count(review_verdict) as judged,
                               count(*) filter (where review_verdict = 'upheld') as upheld
                        from expert_feedback where expert_id = :expert group by 1""")
                .param("expert", expertId)
                .query(rs -> {
                    byVerdict.put(rs.getString("t"), rs.getLong("n"));
                    judgedUpheld[0] += rs.getLong("judged");
                    judgedUpheld[1] += rs.getLong("upheld");
                });
        Map<LocalDate, long[]> found = new HashMap<>();
        jdbc.sql("""
                        select date_trunc('week', feedback_timestamp at time zone 'Europe/Rome')::date as bucket,
                               count(*) as n, count(*) filter (where feedback_type = 'correct') as correct
                        from expert_feedback where expert_id = :expert and""" + IN_WINDOW + " group by 1")
                .params(range(trendWindow)).param("expert", expertId)
                .query(rs -> { found.put(rs.getObject("bucket", LocalDate.class), new long[] {rs.getLong("n"), rs.getLong("correct")}); });
        List<TrendPoint> trend = new ArrayList<>();
        for (LocalDate week = trendWindow.from().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
             !week.isAfter(trendWindow.to()); week = week.plusWeeks(1)) {
            long[] counts = found.getOrDefault(week, new long[2]);
            trend.add(new TrendPoint(week, counts[0], counts[1], ratio(counts[1], counts[0])));
        }
        return new ExpertStats(byVerdict, judgedUpheld[0], judgedUpheld[1], ratio(judgedUpheld[1], judgedUpheld[0]), trend);
    }

    private static Map<String, Object> range(AnalyticsWindow window) {
        Map<String, Object> range = new HashMap<>();
        range.put("start", Timestamp.from(window.start()));
        range.put("end", Timestamp.from(window.end()));
        return range;
    }

    /** part / whole, or null when there is no whole (never a division by zero). */
    static Double ratio(Long part, long whole) {
        return whole == 0 || part == null ? null : (double) part / whole;
    }
}
