package it.expertfeedback.base.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.expertfeedback.support.TestDatabase;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * SchemaContractTest's catalog facts that apply to the assistant's database after {@code ./efs adopt} (DOMAIN.md
 * §11). Facts that cannot apply there, because adoption leaves the original's columns and keys as they are: enum
 * column types (its columns are VARCHAR), ON DELETE rules (its foreign keys have none), UNIQUE(user_id) (it dropped
 * it; the preflight blocks an account with several profiles instead) and the DESC of idx_expert_feedback_timestamp.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdoptedSchemaContractTest {

    private JdbcTemplate jdbc;

    @BeforeAll
    void adopt() {
        String url = TestDatabase.adoptedAssistantDatabaseUrl("adopted_contract", true);
        new Adoption(Migrations.dataSource(url), List.of()).apply();
        jdbc = Migrations.jdbc(url);
    }

    @Test
    void the_seed_tables_its_twelve_indexes_and_the_trigger_function_exist() {
        assertThat(jdbc.queryForList("""
                select table_name from information_schema.tables
                where table_schema = 'public' and table_type = 'BASE TABLE'""", String.class))
                .contains("user", "expert_profiles", "expert_feedback", "expert_faq_candidates", "user_role",
                        "audit_log", "alembic_version", "expert_generated_tasks");
        assertThat(jdbc.queryForList("select indexname from pg_indexes where schemaname = 'public'", String.class))
                .contains("idx_expert_profiles_trust_score", "idx_expert_profiles_active",
                        "idx_expert_profiles_specializations", "idx_expert_feedback_query_id",
                        "idx_expert_feedback_expert_id", "idx_expert_feedback_type_category",
                        "idx_expert_feedback_timestamp", "idx_expert_feedback_improvement_applied",
                        "idx_expert_faq_candidates_status", "idx_expert_faq_candidates_priority",
                        "idx_expert_faq_candidates_expert", "idx_expert_faq_candidates_category",
                        "uq_user_email", "uq_expert_feedback_expert_query");
        assertThat(jdbc.queryForList("""
                select t.tgname || ' on ' || c.relname || ' -> ' || p.proname
                from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_proc p on p.oid = t.tgfoid
                where not t.tgisinternal and t.tgname like '%updated_at' order by t.tgname""", String.class))
                .containsExactly(
                        "trigger_expert_faq_candidates_updated_at on expert_faq_candidates -> update_expert_updated_at",
                        "trigger_expert_feedback_updated_at on expert_feedback -> update_expert_updated_at",
                        "trigger_expert_profiles_updated_at on expert_profiles -> update_expert_updated_at");
    }

    @Test
    void the_seed_check_constraints_exist_and_reject_out_of_range_rows() {
        assertThat(jdbc.queryForList("""
                select conrelid::regclass::text || '.' || conname from pg_constraint where contype = 'c'""",
                String.class)).contains(
                "expert_profiles.trust_score_range", "expert_profiles.accuracy_rate_range",
                "expert_profiles.non_negative_experience", "expert_profiles.non_negative_feedback_count",
                "expert_feedback.confidence_score_range", "expert_feedback.positive_time_spent",
                "expert_feedback.valid_review_verdict", "expert_faq_candidates.non_negative_frequency",
                "expert_faq_candidates.non_negative_savings");
        UUID profile = jdbc.queryForObject("select id from expert_profiles limit 1", UUID.class);
        assertRejected("update expert_profiles set trust_score = 2 where id = '" + profile + "'", "trust_score_range");
        assertRejected("update expert_profiles set feedback_accuracy_rate = -1 where id = '" + profile + "'",
                "accuracy_rate_range");
        assertRejected("""
                insert into expert_feedback (query_id, expert_id, feedback_type, query_text, original_answer,
                    time_spent_seconds) values (gen_random_uuid(), '%s', 'correct', 'q', 'a', -5)""".formatted(profile),
                "positive_time_spent");
        assertRejected("update expert_feedback set review_verdict = 'maybe' where expert_id = '" + profile + "'",
                "valid_review_verdict");
    }

    @Test
    void an_update_sets_updated_at_and_emails_are_unique_ignoring_case() {
        jdbc.update("update expert_profiles set updated_at = timestamp '2000-01-01'");
        jdbc.update("update expert_profiles set organization = 'Studio'");
        assertThat(jdbc.queryForObject("select min(updated_at) > timestamp '2001-01-01' from expert_profiles",
                Boolean.class)).isTrue();
        assertRejected("""
                insert into "user" (email, display_name, password_hash) values ('SUPER@pratiko.it', 'Copia', 'x')""",
                "uq_user_email");
    }

    private void assertRejected(String sql, String constraint) {
        assertThatThrownBy(() -> jdbc.update(sql)).as(sql).hasMessageContaining(constraint);
    }
}
