package it.expertfeedback.analytics;

import it.expertfeedback.analytics.AnalyticsSummary.CategoryCount;
import it.expertfeedback.analytics.AnalyticsSummary.Funnel;
import it.expertfeedback.analytics.AnalyticsSummary.InboxDay;
import it.expertfeedback.analytics.AnalyticsSummary.InboxFigures;
import it.expertfeedback.analytics.AnalyticsSummary.Kpis;
import it.expertfeedback.analytics.AnalyticsSummary.LeaderRow;
import it.expertfeedback.analytics.AnalyticsSummary.TrendPoint;
import it.expertfeedback.feedback.FeedbackCategory;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every KPI of DOMAIN.md §6 as aggregate SQL: rows never leave PostgreSQL, only the figures do. Feedback figures
 * come from the rollups of V10 (analytics_feedback_daily per Italian day, analytics_expert_activity per expert and
 * year), which triggers keep current in the writer's transaction, so no query here reads the window's feedback
 * rows; only the leaderboard's top experts and the candidates are read from their indexes (DD010).
 */
@Component
class AnalyticsQueries {

    private static final String IN_WINDOW = " feedback_timestamp >= :start and feedback_timestamp < :end";

    /** The category code of every label outside ours (i18n key feedback.category.unknown). */
    static final String UNKNOWN_CATEGORY = "unknown";

    private final JdbcClient jdbc;

    AnalyticsQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    AnalyticsSummary summary(AnalyticsWindow window) {
        AnalyticsWindow previous = window.previous();
        FeedbackFigures figures = feedbackFigures(window, previous);
        ExpertFigures experts = expertFigures(window, previous, 20);
        long active = jdbc.sql("select count(*) from expert_names where is_active and is_verified")
                .query(Long.class).single();
        Double[] medians = medianHoursToDecision(window, previous);
        Kpis current = kpis(figures.current, experts.current, active, medians[0]);
        Kpis before = kpis(figures.previous, experts.previous, active, medians[1]);
        return new AnalyticsSummary(window, current, before, figures.current.byVerdict(), byCategory(window),
                window.weekly() ? "week" : "day", trend(window), experts.leaders, funnel(window), inbox(window));
    }

    /** Feedback by verdict and the backlog of one window. */
    private record WindowCounts(Map<String, Long> byVerdict, long backlog) {

        long total() {
            return byVerdict.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private record FeedbackFigures(WindowCounts current, WindowCounts previous) {
    }

    /** Both windows in one range scan of the daily rollup. */
    private FeedbackFigures feedbackFigures(AnalyticsWindow window, AnalyticsWindow previous) {
        Map<String, Long> current = emptyVerdicts();
        Map<String, Long> before = emptyVerdicts();
        long[] backlog = new long[2];
        jdbc.sql("""
                        select feedback_type::text as t,
                               coalesce(sum(feedback) filter (where day >= :from), 0) as n,
                               coalesce(sum(backlog) filter (where day >= :from), 0) as backlog,
                               coalesce(sum(feedback) filter (where day < :from), 0) as previous_n,
                               coalesce(sum(backlog) filter (where day < :from), 0) as previous_backlog
                        from analytics_feedback_daily where day between :previous_from and :to
                        group by 1""")
                .param("from", window.from()).param("to", window.to()).param("previous_from", previous.from())
                .query(rs -> {
                    current.put(rs.getString("t"), rs.getLong("n"));
                    before.put(rs.getString("t"), rs.getLong("previous_n"));
                    backlog[0] += rs.getLong("backlog");
                    backlog[1] += rs.getLong("previous_backlog");
                });
        return new FeedbackFigures(new WindowCounts(current, backlog[0]), new WindowCounts(before, backlog[1]));
    }

    private static Kpis kpis(WindowCounts counts, long expertsWithFeedback, long active, Double medianHours) {
        long total = counts.total();
        return new Kpis(total, ratio(counts.byVerdict().get("correct"), total), ratio(counts.byVerdict().get("incorrect"), total),
                expertsWithFeedback, active, ratio(expertsWithFeedback, active), counts.backlog(), medianHours);
    }

    /** Map of verdict code to count, every verdict present. */
    private static Map<String, Long> emptyVerdicts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("correct", 0L);
        counts.put("incomplete", 0L);
        counts.put("incorrect", 0L);
        return counts;
    }

    /** Median hours from creation to a reviewer's decision, for decisions in each window (index-only scan). */
    private Double[] medianHoursToDecision(AnalyticsWindow window, AnalyticsWindow previous) {
        Double[] medians = new Double[2];
        jdbc.sql("""
                        select percentile_cont(0.5) within group (order by extract(epoch from approved_at - created_at) / 3600.0)
                                   filter (where approved_at >= :start) as current_median,
                               percentile_cont(0.5) within group (order by extract(epoch from approved_at - created_at) / 3600.0)
                                   filter (where approved_at < :start) as previous_median
                        from faq_candidate_facts
                        where approved_by is not null and approved_at >= :previous_start and approved_at < :end""")
                .param("start", Timestamp.from(window.start())).param("end", Timestamp.from(window.end()))
                .param("previous_start", Timestamp.from(previous.start()))
                .query(rs -> {
                    medians[0] = (Double) rs.getObject("current_median");
                    medians[1] = (Double) rs.getObject("previous_median");
                });
        return medians;
    }

    /**
     * Per category; labels outside ours (an adopted database's VARCHAR column, DOMAIN.md §11) are counted together
     * under {@link #UNKNOWN_CATEGORY}, shown as "Sconosciuto".
     */
    List<CategoryCount> byCategory(AnalyticsWindow window) {
        return jdbc.sql("""
                        select case when category = any(cast(:known as text[])) then category else :unknown end as category,
                               coalesce(sum(feedback) filter (where feedback_type = 'correct'), 0) as correct,
                               coalesce(sum(feedback) filter (where feedback_type = 'incomplete'), 0) as incomplete,
                               coalesce(sum(feedback) filter (where feedback_type = 'incorrect'), 0) as incorrect,
                               sum(feedback) as total
                        from analytics_feedback_daily
                        where day between :from and :to and category <> ''
                        group by 1 having sum(feedback) > 0 order by total desc, category""")
                .param("from", window.from()).param("to", window.to())
                .param("known", Arrays.stream(FeedbackCategory.values()).map(FeedbackCategory::code).toArray(String[]::new))
                .param("unknown", UNKNOWN_CATEGORY)
                .query((rs, n) -> new CategoryCount(rs.getString("category"), rs.getLong("correct"),
                        rs.getLong("incomplete"), rs.getLong("incorrect"), rs.getLong("total")))
                .list();
    }

    /** Per day (or ISO week), Italian calendar, every bucket present even when empty. */
    List<TrendPoint> trend(AnalyticsWindow window) {
        String bucketOfDay = window.weekly() ? "date_trunc('week', day)::date" : "day";
        Map<LocalDate, long[]> found = new HashMap<>();
        jdbc.sql(" select " + bucketOfDay + """
                         as bucket, sum(feedback) as n, coalesce(sum(feedback) filter (where feedback_type = 'correct'), 0) as correct
                        from analytics_feedback_daily where day between :from and :to group by 1""")
                .param("from", window.from()).param("to", window.to())
                .query(rs -> { found.put(rs.getObject("bucket", LocalDate.class), new long[] {rs.getLong("n"), rs.getLong("correct")}); });
        return buckets(window.weekly() ? window.from().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) : window.from(),
                window.to(), window.weekly() ? ChronoUnit.WEEKS : ChronoUnit.DAYS, found);
    }

    private static List<TrendPoint> buckets(LocalDate first, LocalDate last, ChronoUnit step, Map<LocalDate, long[]> found) {
        List<TrendPoint> points = new ArrayList<>();
        for (LocalDate bucket = first; !bucket.isAfter(last); bucket = bucket.plus(1, step)) {
            long[] counts = found.getOrDefault(bucket, new long[2]);
            points.add(new TrendPoint(bucket, counts[0], counts[1], ratio(counts[1], counts[0])));
        }
        return points;
    }

    /** Experts with feedback in each window, and the window's leaderboard. */
    private record ExpertFigures(long current, long previous, List<LeaderRow> leaders) {
    }

    /**
     * One pass over the activity rollup (one row per expert and year) gives every expert's count in both windows;
     * only the experts at or above the leaderboard's cut are then read in detail, from the feedback index.
     */
    private ExpertFigures expertFigures(AnalyticsWindow window, AnalyticsWindow previous, int limit) {
        long[] participation = new long[2];
        Map<UUID, Long> contenders = new LinkedHashMap<>();
        jdbc.sql(" with per_expert as materialized (select expert_id, sum(" + countInWindow("current") + ") as n, sum("
                        + countInWindow("previous") + """
                        ) as previous_n
                          from analytics_expert_activity
                          where year between :previous_first_year and :current_last_year
                          group by expert_id),
                        totals as (select count(*) filter (where n > 0) as experts,
                                          count(*) filter (where previous_n > 0) as previous_experts
                                   from per_expert),
                        cut as (select min(n) as n from (select n from per_expert where n > 0 order by n desc limit :limit) top)
                        select t.experts, t.previous_experts, p.expert_id, p.n
                        from totals t left join per_expert p on p.n > 0 and p.n >= (select n from cut)""")
                .params(yearsAndDays("current", window)).params(yearsAndDays("previous", previous)).param("limit", limit)
                .query(rs -> {
                    participation[0] = rs.getLong("experts");
                    participation[1] = rs.getLong("previous_experts");
                    UUID expert = rs.getObject("expert_id", UUID.class);
                    if (expert != null) {
                        contenders.put(expert, rs.getLong("n"));
                    }
                });
        return new ExpertFigures(participation[0], participation[1], leaders(window, contenders, limit));
    }

    /**
     * The feedback an expert gave in the window, from the running totals: total up to the window's last day minus
     * total up to the day before its first, summed over the years the window touches. Element 0 reads as NULL.
     */
    private static String countInWindow(String name) {
        String first = ":" + name + "_first_";
        String last = ":" + name + "_last_";
        return ("case when year between %1$syear and %2$syear then"
                + " feedback_to_day[case when year = %2$syear then %2$sday else 366 end]"
                + " - coalesce(feedback_to_day[case when year = %1$syear then %1$sday - 1 else 0 end], 0)"
                + " else 0 end").formatted(first, last);
    }

    private static Map<String, Object> yearsAndDays(String name, AnalyticsWindow window) {
        Map<String, Object> params = new HashMap<>();
        params.put(name + "_first_year", window.from().getYear());
        params.put(name + "_first_day", window.from().getDayOfYear());
        params.put(name + "_last_year", window.to().getYear());
        params.put(name + "_last_day", window.to().getDayOfYear());
        return params;
    }

    /**
     * The contenders ranked as PostgreSQL orders them (feedback, then trust, then id), the first {@code limit}
     * with their accuracy and median time from the covering index.
     */
    private List<LeaderRow> leaders(AnalyticsWindow window, Map<UUID, Long> contenders, int limit) {
        if (contenders.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select l.id, l.display_name, l.n, l.trust_score, d.upheld, d.judged, d.median_time
                        from (select e.expert_id as id, e.display_name, c.n, e.trust_score
                              from unnest(cast(:ids as uuid[]), cast(:counts as bigint[])) as c(id, n)
                              join expert_names e on e.expert_id = c.id
                              order by c.n desc, e.trust_score desc, e.expert_id
                              limit :limit) l
                        cross join lateral (
                            select count(*) filter (where f.review_verdict = 'upheld') as upheld, count(f.review_verdict) as judged,
                                   percentile_cont(0.5) within group (order by f.time_spent_seconds) as median_time
                            from feedback_facts f
                            where f.expert_id = l.id and f.feedback_timestamp >= :start and f.feedback_timestamp < :end
                              and not f.superseded) d
                        order by l.n desc, l.trust_score desc, l.id""")
                .params(range(window)).param("limit", limit)
                .param("ids", contenders.keySet().toArray(UUID[]::new))
                .param("counts", contenders.values().toArray(Long[]::new))
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
                        from faq_candidate_facts where created_at >= :start and created_at < :end""")
                .params(range(window))
                .query((rs, n) -> new Funnel(rs.getLong("created"), rs.getLong("auto_approved"), rs.getLong("approved"),
                        rs.getLong("rejected"), rs.getLong("pending")))
                .single();
    }

    /**
     * The inbox over the window, from inbox's published {@code inbox_request_facts} (V21): arrivals and completions
     * by Italian day along their indexes, the median time to the first verdict of the window's arrivals, and the
     * verdicts of the multi-review requests completed in the window (agreement is computed from them in Java).
     */
    InboxFigures inbox(AnalyticsWindow window) {
        // Italian days as instants, bucketed by binary search (width_bucket) rather than converting every row's
        // time to Europe/Rome: at 100,000 requests in 90 days the conversion alone took ≈ 70 ms (the budget is 100 ms
        // for the whole dashboard); index-only scans of the two time indexes remain. The thresholds are cast once
        // (a scalar subquery): a cast in the call itself runs for every row.
        List<LocalDate> windowDays = new ArrayList<>();
        List<String> dayStarts = new ArrayList<>(); // ISO instants: pgjdbc binds a String[] as text[]
        for (LocalDate day = window.from(); !day.isAfter(window.to()); day = day.plusDays(1)) {
            windowDays.add(day);
            dayStarts.add(day.atStartOfDay(AnalyticsWindow.ITALY).toInstant().toString());
        }
        String[] bounds = dayStarts.toArray(String[]::new);
        Map<LocalDate, long[]> found = new HashMap<>();
        countPerDay("created_at", window, windowDays, bounds, found, 0);
        countPerDay("completed_at", window, windowDays, bounds, found, 1);
        List<InboxDay> days = new ArrayList<>();
        long received = 0;
        long judged = 0;
        for (LocalDate day = window.from(); !day.isAfter(window.to()); day = day.plusDays(1)) {
            long[] counts = found.getOrDefault(day, new long[2]);
            days.add(new InboxDay(day, counts[0], counts[1]));
            received += counts[0];
            judged += counts[1];
        }
        Double median = jdbc.sql("""
                        select percentile_cont(0.5) within group (order by extract(epoch from first_verdict_at - created_at))
                        from inbox_request_facts
                        where created_at >= :start and created_at < :end and first_verdict_at is not null""")
                .params(range(window)).query(Double.class).optional().orElse(null);
        List<InboxAgreements.Reviewed> reviewed = jdbc.sql("""
                        select topic, verdicts from inbox_request_facts
                        where completed_at >= :start and completed_at < :end and status = 'done'
                          and required_reviews > 1""")
                .params(range(window))
                .query((rs, n) -> new InboxAgreements.Reviewed(rs.getString("topic"),
                        java.util.Arrays.asList((String[]) rs.getArray("verdicts").getArray())))
                .list();
        return new InboxFigures(days, received, judged, median, InboxAgreements.of(reviewed));
    }

    ExpertStats expertStats(UUID expertId, AnalyticsWindow trendWindow) {
        Map<String, Long> byVerdict = emptyVerdicts();
        long[] judgedUpheld = new long[2];
        jdbc.sql("""
                        select feedback_type::text as t, count(*) as n, count(review_verdict) as judged,
                               count(*) filter (where review_verdict = 'upheld') as upheld
                        from feedback_facts where expert_id = :expert and not superseded group by 1""")
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
                        from feedback_facts where expert_id = :expert and not superseded and""" + IN_WINDOW + " group by 1")
                .params(range(trendWindow)).param("expert", expertId)
                .query(rs -> { found.put(rs.getObject("bucket", LocalDate.class), new long[] {rs.getLong("n"), rs.getLong("correct")}); });
        List<TrendPoint> trend = buckets(trendWindow.from().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)),
                trendWindow.to(), ChronoUnit.WEEKS, found);
        return new ExpertStats(byVerdict, judgedUpheld[0], judgedUpheld[1], ratio(judgedUpheld[1], judgedUpheld[0]), trend);
    }

    /** Requests per Italian day of {@code column} (created_at or completed_at: our constants), into found[day][slot]. */
    private void countPerDay(String column, AnalyticsWindow window, List<LocalDate> windowDays, String[] bounds,
                             Map<LocalDate, long[]> found, int slot) {
        jdbc.sql("select width_bucket(" + column + ", (select cast(:bounds as timestamptz[]))) as bucket, count(*) as n"
                        + " from inbox_request_facts where " + column + " >= :start and " + column + " < :end group by 1")
                .params(range(window)).param("bounds", bounds)
                .query(rs -> {
                    long n = rs.getLong("n");
                    dayOf(windowDays, rs.getInt("bucket")).ifPresent(day -> found.computeIfAbsent(day, d -> new long[2])[slot] = n);
                });
    }

    /** width_bucket's answer for thresholds = the days' starts: 1 is the first day; 0 (before it) is no day. */
    private static java.util.Optional<LocalDate> dayOf(List<LocalDate> days, int bucket) {
        return bucket >= 1 && bucket <= days.size() ? java.util.Optional.of(days.get(bucket - 1)) : java.util.Optional.empty();
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
