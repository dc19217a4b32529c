package it.expertfeedback.base.db;

import static org.assertj.core.api.Assertions.assertThat;

import it.expertfeedback.base.sql.Where;
import it.expertfeedback.support.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A verdict or category code bound untyped ({@link Where#untyped}) is typed by PostgreSQL from the column: the
 * comparison works on our enum columns and on the adopted assistant's VARCHAR ones (DOMAIN.md §11), and on both the
 * (feedback_type, category) index still serves it. Sequential scans are switched off so that the plan shows whether
 * the index can be used at all, whatever the tables' sizes. Also V20's indexes: the leaderboard's current rows
 * are read from its covering index, and "is anything superseded?" never scans the feedback.
 */
class FilterPlansTest {

    private static final String FILTER = """
            explain select count(*) from expert_feedback f where f.feedback_type = ? and f.category = ?""";

    private static List<String> plan(JdbcTemplate jdbc) {
        jdbc.execute("set enable_seqscan = off");
        return jdbc.queryForList(FILTER, String.class, Where.untyped("incomplete"), Where.untyped("caso_mancante"));
    }

    @Test
    void on_our_schema_the_enum_comparison_uses_the_type_category_index() {
        JdbcTemplate jdbc = new JdbcTemplate(new org.springframework.jdbc.datasource.SingleConnectionDataSource(
                Migrations.freshMigratedDatabase("untyped_ours"), "postgres", "postgres", true));
        assertThat(String.join("\n", plan(jdbc))).contains("idx_expert_feedback_type_category")
                .doesNotContain("Seq Scan");
        assertThat(jdbc.queryForObject("select count(*) from expert_feedback where feedback_type = ?", Long.class,
                Where.untyped("correct"))).isZero();
    }

    @Test
    void on_the_adopted_schema_the_varchar_comparison_works_and_uses_the_same_index() {
        String url = TestDatabase.adoptedAssistantDatabaseUrl("untyped_adopted", true);
        new Adoption(Migrations.dataSource(url), List.of()).apply();
        JdbcTemplate jdbc = new JdbcTemplate(new org.springframework.jdbc.datasource.SingleConnectionDataSource(
                url, "postgres", "postgres", true));
        assertThat(jdbc.queryForObject("""
                select data_type from information_schema.columns
                where table_name = 'expert_feedback' and column_name = 'feedback_type'""", String.class))
                .isEqualTo("character varying");
        assertThat(String.join("\n", plan(jdbc))).contains("idx_expert_feedback_type_category")
                .doesNotContain("Seq Scan");
        assertThat(jdbc.queryForObject("select count(*) from expert_feedback where feedback_type = ?", Long.class,
                Where.untyped("incorrect"))).isEqualTo(2);
    }

    @Test
    void on_our_schema_the_current_rows_of_the_leaderboard_and_the_superseded_probe_are_read_from_indexes() {
        JdbcTemplate jdbc = new JdbcTemplate(new org.springframework.jdbc.datasource.SingleConnectionDataSource(
                Migrations.freshMigratedDatabase("plans_ours"), "postgres", "postgres", true));
        // 100 experts × 100 feedback over 90 days in random order, analysed: on an empty or time-ordered table another
        // index may look as good.
        jdbc.update("""
                insert into "user" (email, display_name, password_hash)
                select 'e' || g || '@efs.test', 'Esperto ' || g, 'x' from generate_series(1, 100) g""");
        jdbc.update("insert into expert_profiles (user_id) select id from \"user\"");
        jdbc.update("""
                insert into expert_feedback (query_id, expert_id, feedback_type, query_text, original_answer,
                                             time_spent_seconds, feedback_timestamp)
                select gen_random_uuid(), p.id, 'correct', 'q', 'a', 60, now() - g * interval '21 hours'
                from expert_profiles p, generate_series(1, 100) g order by random()""");
        jdbc.execute("vacuum analyze expert_feedback");
        jdbc.execute("set enable_seqscan = off");
        // The lateral of AnalyticsQueries.leaders, through feedback's published view.
        String leaders = String.join("\n", jdbc.queryForList("""
                explain select count(*) filter (where f.review_verdict = 'upheld'), count(f.review_verdict),
                               percentile_cont(0.5) within group (order by f.time_spent_seconds)
                from feedback_facts f
                where f.expert_id = ? and f.feedback_timestamp >= ? and f.feedback_timestamp < ? and not f.superseded""",
                String.class, jdbc.queryForObject("select id from expert_profiles limit 1", java.util.UUID.class),
                java.sql.Timestamp.from(java.time.Instant.now().minus(java.time.Duration.ofDays(30))),
                java.sql.Timestamp.from(java.time.Instant.now())));
        // Its covering index (V20 adds superseded_at to what it includes: index-only once the pages are all-visible).
        assertThat(leaders).contains("idx_expert_feedback_expert_review").doesNotContain("Seq Scan");
        String probe = String.join("\n", jdbc.queryForList(
                "explain select exists (select 1 from expert_feedback where superseded_at is not null)", String.class));
        assertThat(probe).contains("idx_expert_feedback_superseded").doesNotContain("Seq Scan");
    }
}
