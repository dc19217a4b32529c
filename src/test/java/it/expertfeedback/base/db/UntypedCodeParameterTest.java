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
 * the index can be used at all, whatever the tables' sizes.
 */
class UntypedCodeParameterTest {

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
}
