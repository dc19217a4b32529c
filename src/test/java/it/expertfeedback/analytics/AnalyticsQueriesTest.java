package it.expertfeedback.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import it.expertfeedback.analytics.AnalyticsSummary.CategoryCount;
import it.expertfeedback.analytics.AnalyticsSummary.Funnel;
import it.expertfeedback.analytics.AnalyticsSummary.Kpis;
import it.expertfeedback.analytics.AnalyticsSummary.LeaderRow;
import it.expertfeedback.analytics.AnalyticsSummary.TrendPoint;
import it.expertfeedback.support.TestDatabase;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Every KPI on a database of its own (migrated by Flyway, nothing else in it) holding a small dataset whose
 * figures are computed by hand in the comments. Window: 1–10 March 2025, Italian days.
 */
class AnalyticsQueriesTest {

    private static final AnalyticsWindow MARCH = new AnalyticsWindow(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 10));
    private static AnalyticsQueries queries;
    private static UUID e1;
    private static UUID e2;

    @BeforeAll
    static void dataset() {
        String url = TestDatabase.freshDatabaseUrl("analytics");
        Flyway.configure().dataSource(url, "postgres", "postgres").locations("classpath:db/migration").load().migrate();
        DriverManagerDataSource dataSource = new DriverManagerDataSource(url, "postgres", "postgres");
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        int u1 = user(jdbc, "e1");
        int u2 = user(jdbc, "e2");
        int u3 = user(jdbc, "e3");
        int reviewer = user(jdbc, "rev");
        e1 = expert(jdbc, u1, true, 0.8);
        e2 = expert(jdbc, u2, true, 0.6);
        expert(jdbc, u3, false, 0.9); // inactive: not among the active experts
        // In the window (Rome time):
        feedback(jdbc, e1, "correct", null, "2025-03-01T10:00:00+01", 100, "upheld", false);
        feedback(jdbc, e1, "correct", null, "2025-03-02T10:00:00+01", 200, null, false);
        feedback(jdbc, e1, "incorrect", "normativa_obsoleta", "2025-03-05T10:00:00+01", 300, "overturned", false);
        feedback(jdbc, e1, "incomplete", "caso_mancante", "2025-03-10T23:30:00+01", 400, null, true);
        feedback(jdbc, e2, "incorrect", "normativa_obsoleta", "2025-03-03T10:00:00+01", 50, "upheld", false);
        // 11 March 00:30 in Rome is still 10 March in UTC: outside the Italian window.
        feedback(jdbc, e2, "correct", null, "2025-03-11T00:30:00+01", 60, null, false);
        // The previous window (19–28 February):
        feedback(jdbc, e1, "correct", null, "2025-02-20T10:00:00+01", 100, null, false);
        feedback(jdbc, e1, "incorrect", "calcolo_sbagliato", "2025-02-25T10:00:00+01", 100, null, false);
        // Candidates: four created in the window, one before it but decided in it.
        candidate(jdbc, "approved", true, null, "2025-03-02T09:00:00+01", "2025-03-02T09:00:00+01");
        candidate(jdbc, "approved", false, reviewer, "2025-03-03T08:00:00+01", "2025-03-03T18:00:00+01"); // 10 h
        candidate(jdbc, "rejected", false, reviewer, "2025-03-04T08:00:00+01", "2025-03-05T14:00:00+01"); // 30 h
        candidate(jdbc, "pending", false, null, "2025-03-06T08:00:00+01", null);
        candidate(jdbc, "approved", false, reviewer, "2025-02-27T08:00:00+01", "2025-03-01T10:00:00+01"); // 50 h
        queries = new AnalyticsQueries(JdbcClient.create(dataSource));
    }

    @Test
    void headline_figures_of_the_window() {
        Kpis kpis = queries.summary(MARCH).kpis();
        assertThat(kpis.feedback()).isEqualTo(5);
        assertThat(kpis.aiAccuracy()).isEqualTo(2.0 / 5);        // 2 correct of 5
        assertThat(kpis.failureRate()).isEqualTo(2.0 / 5);       // 2 incorrect of 5
        assertThat(kpis.expertsWithFeedback()).isEqualTo(2);
        assertThat(kpis.activeExperts()).isEqualTo(2);           // the inactive one does not count
        assertThat(kpis.participation()).isEqualTo(1.0);
        assertThat(kpis.backlog()).isEqualTo(2);                 // the incomplete one is applied already
        assertThat(kpis.medianHoursToDecision()).isCloseTo(30.0, within(1e-9)); // median of 10, 30, 50; auto excluded
    }

    @Test
    void the_previous_window_for_the_change() {
        Kpis previous = queries.summary(MARCH).previous();
        assertThat(previous.feedback()).isEqualTo(2);
        assertThat(previous.aiAccuracy()).isEqualTo(0.5);
        assertThat(previous.participation()).isEqualTo(0.5);
        assertThat(previous.backlog()).isEqualTo(1);
        assertThat(previous.medianHoursToDecision()).isNull();
    }

    @Test
    void verdicts_categories_and_funnel() {
        AnalyticsSummary summary = queries.summary(MARCH);
        assertThat(summary.byVerdict()).containsEntry("correct", 2L).containsEntry("incomplete", 1L).containsEntry("incorrect", 2L);
        assertThat(summary.byCategory()).containsExactly(
                new CategoryCount("normativa_obsoleta", 0, 0, 2, 2),
                new CategoryCount("caso_mancante", 0, 1, 0, 1));
        assertThat(summary.funnel()).isEqualTo(new Funnel(4, 1, 1, 1, 1));
    }

    @Test
    void daily_trend_with_every_day_present() {
        List<TrendPoint> trend = queries.summary(MARCH).trend();
        assertThat(trend).hasSize(10);
        assertThat(trend.get(0)).isEqualTo(new TrendPoint(LocalDate.of(2025, 3, 1), 1, 1, 1.0));
        assertThat(trend.get(2)).isEqualTo(new TrendPoint(LocalDate.of(2025, 3, 3), 1, 0, 0.0));
        assertThat(trend.get(3)).isEqualTo(new TrendPoint(LocalDate.of(2025, 3, 4), 0, 0, null));
        assertThat(trend.get(9)).isEqualTo(new TrendPoint(LocalDate.of(2025, 3, 10), 1, 0, 0.0));
        assertThat(queries.summary(MARCH).trendUnit()).isEqualTo("day");
        AnalyticsWindow quarter = new AnalyticsWindow(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 31));
        assertThat(queries.summary(quarter).trendUnit()).isEqualTo("week");
        assertThat(queries.summary(quarter).trend().stream().mapToLong(TrendPoint::feedback).sum()).isEqualTo(8);
    }

    @Test
    void leaderboard() {
        List<LeaderRow> rows = queries.summary(MARCH).leaderboard();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).expertId()).isEqualTo(e1);
        assertThat(rows.get(0).feedback()).isEqualTo(4);
        assertThat(rows.get(0).accuracy()).isEqualTo(0.5);             // 1 upheld of 2 judged
        assertThat(rows.get(0).trust()).isEqualTo(0.8);
        assertThat(rows.get(0).medianTimeSpentSeconds()).isEqualTo(250.0); // 100, 200, 300, 400
        assertThat(rows.get(1).expertId()).isEqualTo(e2);
        assertThat(rows.get(1).accuracy()).isEqualTo(1.0);
        assertThat(rows.get(1).medianTimeSpentSeconds()).isEqualTo(50.0);
    }

    @Test
    void an_empty_window_has_no_ratios_instead_of_dividing_by_zero() {
        AnalyticsSummary empty = queries.summary(new AnalyticsWindow(LocalDate.of(2020, 1, 1), LocalDate.of(2020, 1, 7)));
        assertThat(empty.kpis().feedback()).isZero();
        assertThat(empty.kpis().aiAccuracy()).isNull();
        assertThat(empty.kpis().failureRate()).isNull();
        assertThat(empty.kpis().participation()).isEqualTo(0.0);
        assertThat(empty.kpis().medianHoursToDecision()).isNull();
        assertThat(empty.trend()).hasSize(7).allMatch(p -> p.feedback() == 0 && p.aiAccuracy() == null);
        assertThat(empty.leaderboard()).isEmpty();
        assertThat(empty.funnel()).isEqualTo(new Funnel(0, 0, 0, 0, 0));
    }

    @Test
    void an_experts_own_statistics() {
        ExpertStats stats = queries.expertStats(e1, MARCH);
        assertThat(stats.byVerdict()).containsEntry("correct", 3L).containsEntry("incomplete", 1L).containsEntry("incorrect", 2L);
        assertThat(stats.judged()).isEqualTo(2);
        assertThat(stats.upheld()).isEqualTo(1);
        assertThat(stats.accuracy()).isEqualTo(0.5);
        assertThat(stats.weeklyTrend().stream().mapToLong(TrendPoint::feedback).sum()).isEqualTo(4);
    }

    private static int user(JdbcTemplate jdbc, String name) {
        return jdbc.queryForObject("insert into \"user\" (email, display_name, password_hash) values (?, ?, 'x') returning id",
                Integer.class, name + "@efs.test", "Esperto " + name);
    }

    private static UUID expert(JdbcTemplate jdbc, int userId, boolean active, double trust) {
        return jdbc.queryForObject("""
                insert into expert_profiles (user_id, is_verified, is_active, trust_score) values (?, true, ?, ?) returning id""",
                UUID.class, userId, active, trust);
    }

    private static void feedback(JdbcTemplate jdbc, UUID expert, String type, String category, String at, int seconds,
                                 String verdict, boolean applied) {
        jdbc.update("""
                insert into expert_feedback (query_id, expert_id, feedback_type, category, query_text, original_answer,
                    time_spent_seconds, feedback_timestamp, review_verdict, improvement_applied)
                values (gen_random_uuid(), ?, ?::feedback_type, ?::italian_feedback_category, 'q', 'a', ?, ?::timestamptz, ?, ?)""",
                expert, type, category, seconds, at, verdict, applied);
    }

    private static void candidate(JdbcTemplate jdbc, String status, boolean auto, Integer decidedBy, String created, String decided) {
        jdbc.update("""
                insert into expert_faq_candidates (question, answer, approval_status, auto_approved, approved_by, created_at, approved_at)
                values ('q', 'a', ?, ?, ?, ?::timestamptz, ?::timestamptz)""", status, auto, decidedBy, created, decided);
    }
}
