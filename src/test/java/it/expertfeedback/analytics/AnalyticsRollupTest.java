package it.expertfeedback.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import it.expertfeedback.analytics.AnalyticsSummary.LeaderRow;
import it.expertfeedback.support.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The rollups of V10 always equal what the feedback rows say, whatever writes them: single and multi-row inserts,
 * updates of what they count (and of what they do not), deletes, an expert's deletion by cascade, concurrent
 * writers and TRUNCATE. Each test has a database of its own.
 */
class AnalyticsRollupTest {

    /** Rows of the daily rollup that differ from a recount of expert_feedback (both directions). */
    private static final String DAILY_DIFFERENCES = """
            with recount as (
                select coalesce((feedback_timestamp at time zone 'Europe/Rome')::date, '-infinity') as day, feedback_type,
                       coalesce(category::text, '') as category,
                       count(*)::int as feedback,
                       (count(*) filter (where feedback_type <> 'correct' and not improvement_applied))::int as backlog
                from expert_feedback where superseded_at is null group by 1, 2, 3),
            rollup as (select day, feedback_type, category, sum(feedback)::int as feedback, sum(backlog)::int as backlog
                       from analytics_feedback_daily group by 1, 2, 3 having sum(feedback) <> 0 or sum(backlog) <> 0)
            select count(*) from ((select * from recount except all select * from rollup)
                                  union all (select * from rollup except all select * from recount)) differences""";

    /** Expert-days whose count read from the running totals differs from a recount (both directions). */
    private static final String ACTIVITY_DIFFERENCES = """
            with recount as (
                select expert_id, (feedback_timestamp at time zone 'Europe/Rome')::date as day, count(*)::int as n
                from expert_feedback where feedback_timestamp is not null and superseded_at is null group by 1, 2),
            rollup as (
                select a.expert_id, make_date(a.year, 1, 1) + d - 1 as day,
                       a.feedback_to_day[d] - coalesce(a.feedback_to_day[d - 1], 0) as n
                from analytics_expert_activity a, generate_series(1, 366) d
                where extract(year from make_date(a.year, 1, 1) + d - 1) = a.year
                  and a.feedback_to_day[d] - coalesce(a.feedback_to_day[d - 1], 0) <> 0)
            select count(*) from ((select * from recount except all select * from rollup)
                                  union all (select * from rollup except all select * from recount)) differences""";

    /** Common years whose element 366 is not the year's total (element 365). */
    private static final String COMMON_YEAR_TOTAL_DIFFERENCES = """
            select count(*) from analytics_expert_activity
            where make_date(year, 12, 31) - make_date(year, 1, 1) = 364 and feedback_to_day[366] <> feedback_to_day[365]""";

    private JdbcTemplate jdbc;
    private DriverManagerDataSource dataSource;

    @BeforeEach
    void database() {
        String url = TestDatabase.freshDatabaseUrl("rollup");
        Flyway.configure().dataSource(url, "postgres", "postgres").locations("classpath:db/migration").load().migrate();
        dataSource = new DriverManagerDataSource(url, "postgres", "postgres");
        jdbc = new JdbcTemplate(dataSource);
    }

    @Test
    void every_kind_of_write_keeps_both_rollups_equal_to_a_recount() {
        List<UUID> experts = List.of(expert("a"), expert("b"), expert("c"));
        Random random = new Random(7);
        // Single-row inserts across a new year and a daylight-saving change, and one multi-row insert.
        for (int i = 0; i < 150; i++) {
            insert(experts.get(random.nextInt(3)), random.nextInt(3), "2024-12-15T00:00:00+01", random.nextInt(140 * 24));
        }
        jdbc.update("""
                insert into expert_feedback (query_id, expert_id, feedback_type, category, query_text, original_answer, time_spent_seconds, feedback_timestamp)
                select gen_random_uuid(), ?, 'incorrect', 'caso_mancante', 'q', 'a', 60, timestamptz '2025-03-30 01:30:00+01' + g * interval '20 minutes'
                from generate_series(0, 40) g""", experts.get(0));
        assertThat(differences()).containsExactly(0, 0, 0);

        // Updates of what the rollups count: verdict, category, backlog, day (across the year), expert.
        jdbc.update("update expert_feedback set feedback_type = 'incorrect', category = 'calcolo_sbagliato' where feedback_type = 'correct' and time_spent_seconds % 3 = 0");
        jdbc.update("update expert_feedback set improvement_applied = true where time_spent_seconds % 5 = 0");
        jdbc.update("update expert_feedback set feedback_timestamp = feedback_timestamp - interval '20 days' where time_spent_seconds % 7 = 0");
        jdbc.update("update expert_feedback set expert_id = ? where time_spent_seconds % 11 = 0", experts.get(2));
        // ... and of what they do not: a review changes nothing counted.
        jdbc.update("update expert_feedback set review_verdict = 'upheld', expert_answer = 'x' where time_spent_seconds % 2 = 0");
        assertThat(differences()).containsExactly(0, 0, 0);

        // A new id together with a new day; a feedback without a timestamp (allowed by the schema) and back; an
        // upsert that turns into an update.
        jdbc.update("update expert_feedback set id = gen_random_uuid(), feedback_timestamp = feedback_timestamp + interval '3 days' where time_spent_seconds % 17 = 0");
        jdbc.update("""
                insert into expert_feedback (query_id, expert_id, feedback_type, query_text, original_answer, time_spent_seconds, feedback_timestamp)
                values (gen_random_uuid(), ?, 'incomplete', 'q', 'a', 99, null)""", experts.get(0));
        jdbc.update("update expert_feedback set feedback_timestamp = null where time_spent_seconds % 19 = 0");
        assertThat(differences()).containsExactly(0, 0, 0);
        jdbc.update("update expert_feedback set feedback_timestamp = '2025-02-28T23:30:00+01' where feedback_timestamp is null and time_spent_seconds % 38 = 0");
        UUID query = jdbc.queryForObject("select query_id from expert_feedback where feedback_timestamp is not null limit 1", UUID.class);
        UUID owner = jdbc.queryForObject("select expert_id from expert_feedback where query_id = ?", UUID.class, query);
        jdbc.update("""
                insert into expert_feedback (query_id, expert_id, feedback_type, query_text, original_answer, time_spent_seconds, feedback_timestamp)
                values (?, ?, 'correct', 'q', 'a', 10, '2025-01-01T12:00:00+01')
                on conflict (expert_id, query_id) where superseded_at is null do update set feedback_type = 'correct', category = null,
                    feedback_timestamp = excluded.feedback_timestamp""", query, owner);
        assertThat(differences()).containsExactly(0, 0, 0);

        jdbc.update("delete from expert_feedback where time_spent_seconds % 13 = 0");
        jdbc.update("delete from expert_profiles where id = ?", experts.get(1)); // its feedback goes by cascade
        assertThat(differences()).containsExactly(0, 0, 0);
        assertThat(jdbc.queryForObject("select count(*) from expert_feedback", Integer.class)).isPositive();

        jdbc.execute("truncate expert_feedback cascade");
        assertThat(jdbc.queryForObject("select count(*) from analytics_feedback_daily", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from analytics_expert_activity", Integer.class)).isZero();
    }

    @Test
    void concurrent_writers_and_the_compaction_lose_no_count() throws Exception {
        UUID expert = expert("busy");
        int writers = 8;
        int each = 40;
        AtomicBoolean writing = new AtomicBoolean(true);
        Clock nextDay = Clock.fixed(Instant.parse("2025-06-11T08:00:00Z"), AnalyticsWindow.ITALY);
        RollupCompaction compaction = new RollupCompaction(JdbcClient.create(dataSource), nextDay);
        ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                work.add(pool.submit(() -> {
                    // One connection per writer, as a pool would hold them; same expert, day, verdict and category.
                    try (Connection connection = dataSource.getConnection();
                         PreparedStatement insert = connection.prepareStatement("""
                                 insert into expert_feedback (query_id, expert_id, feedback_type, category, query_text,
                                     original_answer, time_spent_seconds, feedback_timestamp)
                                 values (gen_random_uuid(), ?, 'incorrect', 'caso_mancante', 'q', 'a', 30, '2025-06-10T10:00:00+02')""")) {
                        insert.setObject(1, expert);
                        for (int i = 0; i < each; i++) {
                            insert.executeUpdate();
                        }
                    }
                    return null;
                }));
            }
            Future<Integer> compacting = pool.submit(() -> {
                int runs = 0;
                while (writing.get()) {
                    compaction.compactPastDays(); // folds 10 June while the writers are still adding to it
                    runs++;
                }
                return runs;
            });
            for (Future<?> writer : work) {
                writer.get();
            }
            writing.set(false);
            assertThat(compacting.get()).isPositive();
        } finally {
            pool.shutdown();
        }
        compaction.compactPastDays();
        assertThat(jdbc.queryForList("select slot || ':' || feedback from analytics_feedback_daily where day = '2025-06-10'", String.class))
                .containsExactly("0:" + writers * each);
        assertThat(jdbc.queryForObject("select feedback_to_day[366] from analytics_expert_activity where expert_id = ?",
                Integer.class, expert)).isEqualTo(writers * each);
        assertThat(differences()).containsExactly(0, 0, 0);
    }

    @Test
    void the_compaction_gives_way_to_a_long_writer_instead_of_making_others_queue() throws Exception {
        UUID expert = expert("slow");
        RollupCompaction compaction = new RollupCompaction(JdbcClient.create(dataSource),
                Clock.fixed(Instant.parse("2025-06-11T08:00:00Z"), AnalyticsWindow.ITALY));
        try (Connection writer = dataSource.getConnection()) {
            writer.setAutoCommit(false);
            try (Statement insert = writer.createStatement()) {
                insert.executeUpdate("insert into expert_feedback (query_id, expert_id, feedback_type, query_text, original_answer,"
                        + " time_spent_seconds, feedback_timestamp) values (gen_random_uuid(), '" + expert + "', 'correct', 'q', 'a', 5,"
                        + " '2025-06-10T10:00:00+02')");
            }
            long started = System.nanoTime();
            assertThat(compaction.compactPastDays()).isFalse(); // the writer's transaction is still open
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            writer.commit();
        }
        assertThat(compaction.compactPastDays()).isTrue();
        assertThat(jdbc.queryForList("select slot || ':' || feedback from analytics_feedback_daily", String.class))
                .containsExactly("0:1");
    }

    @Test
    void a_change_that_moves_no_count_between_experts_or_days_locks_no_activity_row() throws Exception {
        UUID expert = expert("reviewed");
        insert(expert, 2, "2025-06-10T10:00:00+02", 0);
        try (Connection writer = dataSource.getConnection(); Connection other = dataSource.getConnection()) {
            writer.setAutoCommit(false);
            try (Statement update = writer.createStatement()) {
                update.executeUpdate("update expert_feedback set improvement_applied = true, review_verdict = 'upheld'");
            }
            // Uncommitted: the backlog changed, the expert's activity did not, so its row is free for others.
            try (PreparedStatement lock = other.prepareStatement(
                    "select 1 from analytics_expert_activity where expert_id = ? for update nowait")) {
                lock.setObject(1, expert);
                assertThat(lock.executeQuery().next()).isTrue();
            }
            writer.commit();
        }
        assertThat(jdbc.queryForObject("select sum(backlog) from analytics_feedback_daily", Integer.class)).isZero();
        assertThat(differences()).containsExactly(0, 0, 0);
    }

    @Test
    void a_window_across_new_year_counts_experts_and_leaders_as_the_rows_do() {
        UUID first = expert("first");
        UUID second = expert("second");
        UUID third = expert("third");
        insert(first, 0, "2024-12-30T23:30:00+01", 0);  // 30 Dec
        insert(first, 2, "2024-12-31T23:30:00+01", 0);  // 31 Dec, still 2024 in Rome
        insert(first, 2, "2025-01-01T00:30:00+01", 0);  // 1 Jan (31 Dec in UTC)
        insert(second, 1, "2025-01-03T12:00:00+01", 0);
        insert(third, 0, "2024-12-20T12:00:00+01", 0);  // previous window only
        AnalyticsWindow window = new AnalyticsWindow(LocalDate.of(2024, 12, 28), LocalDate.of(2025, 1, 5));

        AnalyticsSummary summary = new AnalyticsQueries(JdbcClient.create(dataSource)).summary(window);

        assertThat(summary.kpis().feedback()).isEqualTo(4);
        assertThat(summary.kpis().expertsWithFeedback()).isEqualTo(2);
        assertThat(summary.previous().feedback()).isEqualTo(1);
        assertThat(summary.previous().expertsWithFeedback()).isEqualTo(1);
        assertThat(summary.leaderboard()).extracting(LeaderRow::expertId, LeaderRow::feedback)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(first, 3L), org.assertj.core.groups.Tuple.tuple(second, 1L));
        assertThat(summary.byVerdict()).containsEntry("correct", 1L).containsEntry("incomplete", 1L).containsEntry("incorrect", 2L);
    }

    @Test
    void the_leaderboard_keeps_ties_at_the_cut_and_orders_them_as_postgresql_does() {
        for (int i = 0; i < 30; i++) {
            UUID expert = expert("tie" + i);
            jdbc.update("update expert_profiles set trust_score = ? where id = ?", (i % 3) / 10.0, expert);
            insert(expert, 0, "2025-05-05T10:00:00+02", 0);
            if (i % 10 == 0) {
                insert(expert, 1, "2025-05-06T10:00:00+02", 1); // three experts with two: above the cut
            }
        }
        AnalyticsSummary summary = new AnalyticsQueries(JdbcClient.create(dataSource))
                .summary(new AnalyticsWindow(LocalDate.of(2025, 5, 1), LocalDate.of(2025, 5, 7)));

        // By count, then trust, then id in PostgreSQL's uuid order (not java.util.UUID's signed comparison).
        List<UUID> expected = jdbc.queryForList("""
                select e.id from expert_feedback f join expert_profiles e on e.id = f.expert_id
                group by e.id, e.trust_score order by count(*) desc, e.trust_score desc, e.id limit 20""", UUID.class);
        assertThat(summary.leaderboard()).extracting(LeaderRow::expertId).containsExactlyElementsOf(expected);
        assertThat(summary.leaderboard().getFirst().feedback()).isEqualTo(2);
        assertThat(summary.kpis().expertsWithFeedback()).isEqualTo(30);
    }

    @Test
    void four_statement_triggers_with_transition_tables_keep_the_rollups() {
        assertThat(jdbc.queryForList("""
                select t.tgname || ':' || ((t.tgtype & 1) = 0) || ':' || (t.tgoldtable is not null) || ':' || (t.tgnewtable is not null)
                from pg_trigger t where t.tgrelid = 'expert_feedback'::regclass and t.tgname like '%analytics%'
                order by t.tgname""", String.class))
                .containsExactly(
                        "trigger_expert_feedback_analytics_delete:true:true:false",
                        "trigger_expert_feedback_analytics_insert:true:false:true",
                        "trigger_expert_feedback_analytics_truncate:true:false:false",
                        "trigger_expert_feedback_analytics_update:true:true:true");
    }

    @Test
    void a_superseded_row_leaves_both_rollups_and_a_restored_one_comes_back() {
        UUID expert = expert("s");
        for (int i = 0; i < 30; i++) {
            insert(expert, i % 3, "2025-05-01T08:00:00+02", i * 5);
        }
        long all = jdbc.queryForObject("select sum(feedback) from analytics_feedback_daily", Long.class);

        // What ./efs adopt does to the older of a duplicate pair (V17), now counted out (V20).
        int superseded = jdbc.update("""
                update expert_feedback set superseded_at = now(), superseded_by = (select id from expert_feedback order by id limit 1)
                where time_spent_seconds % 4 = 0""");
        assertThat(superseded).isPositive();
        assertThat(jdbc.queryForObject("select sum(feedback) from analytics_feedback_daily", Long.class))
                .isEqualTo(all - superseded);
        assertThat(differences()).containsExactly(0, 0, 0);
        // A superseded row changed otherwise still counts nowhere.
        jdbc.update("update expert_feedback set feedback_type = 'incorrect' where superseded_at is not null");
        assertThat(differences()).containsExactly(0, 0, 0);

        jdbc.update("update expert_feedback set superseded_at = null, superseded_by = null");
        assertThat(jdbc.queryForObject("select sum(feedback) from analytics_feedback_daily", Long.class)).isEqualTo(all);
        assertThat(differences()).containsExactly(0, 0, 0);
    }

    /** [daily rollup differences, activity rollup differences, common years whose day 366 is not the total]. */
    private List<Integer> differences() {
        return List.of(jdbc.queryForObject(DAILY_DIFFERENCES, Integer.class),
                jdbc.queryForObject(ACTIVITY_DIFFERENCES, Integer.class),
                jdbc.queryForObject(COMMON_YEAR_TOTAL_DIFFERENCES, Integer.class));
    }

    private UUID expert(String name) {
        int user = jdbc.queryForObject("insert into \"user\" (email, display_name, password_hash) values (?, ?, 'x') returning id",
                Integer.class, name + "@efs.test", "Esperto " + name);
        return jdbc.queryForObject("insert into expert_profiles (user_id, is_verified, is_active) values (?, true, true) returning id",
                UUID.class, user);
    }

    /** One feedback: verdict 0 correct, 1 incomplete, 2 incorrect; at {@code from} plus {@code hours}. */
    private void insert(UUID expert, int verdict, String from, int hours) {
        String type = List.of("correct", "incomplete", "incorrect").get(verdict);
        String category = verdict == 0 ? null : List.of("normativa_obsoleta", "caso_mancante").get(hours % 2);
        jdbc.update("""
                insert into expert_feedback (query_id, expert_id, feedback_type, category, query_text, original_answer,
                    time_spent_seconds, feedback_timestamp)
                values (gen_random_uuid(), ?, ?::feedback_type, ?::italian_feedback_category, 'q', 'a', ?, ?::timestamptz + ? * interval '1 hour')""",
                expert, type, category, 30 + hours, from, hours);
    }
}
