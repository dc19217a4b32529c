package it.expertfeedback.base.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.expertfeedback.support.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * {@code ./efs adopt --check} and {@code ./efs adopt} on a database built from the original assistant's DDL plus rows
 * (DOMAIN.md §11): the check changes nothing, the apply is all or nothing.
 */
class AdoptionTest {

    @Test
    void the_check_names_the_duplicates_and_the_unknown_labels_and_changes_nothing() {
        String url = TestDatabase.adoptedAssistantDatabaseUrl("adopt_check", true);
        JdbcTemplate jdbc = Migrations.jdbc(url);
        List<String> before = CatalogSnapshot.of(jdbc);

        AdoptionReport plainStart = new AdoptionPreflight(Migrations.dataSource(url)).check(false);
        AdoptionReport check = new Adoption(Migrations.dataSource(url), List.of()).check();

        assertThat(CatalogSnapshot.of(jdbc)).isEqualTo(before);
        assertThat(plainStart.blocked()).isTrue();
        assertThat(plainStart.blocks()).hasSize(2).allSatisfy(line -> assertThat(line).startsWith("duplicate")
                .contains(" x2").contains("./efs adopt"));
        assertThat(check.blocked()).isFalse();
        assertThat(check.wouldChange()).filteredOn(line -> line.startsWith("duplicate")).hasSize(2)
                .allSatisfy(line -> assertThat(line).contains("superseded"));
        assertThat(check.unknownLabels()).containsExactlyInAnyOrder("credential_types: ADMIN x1",
                "credential_types: admin x1", "category: non_classificato x1");
        assertThat(check.exists()).anySatisfy(line -> assertThat(line).contains("alembic_version"))
                .anySatisfy(line -> assertThat(line).contains("expert_generated_tasks: 1 rows"));
        assertThat(check.text()).contains("Result: ready to migrate");
        assertThat(plainStart.text()).contains("BLOCKS (nothing is changed until resolved) (2)", "Result: BLOCKED");
    }

    @Test
    void a_plain_start_on_a_database_with_duplicates_stops_before_changing_anything() {
        String url = TestDatabase.adoptedAssistantDatabaseUrl("adopt_plain", true);
        JdbcTemplate jdbc = Migrations.jdbc(url);
        List<String> before = CatalogSnapshot.of(jdbc);

        // What Spring Boot's Flyway runs on every start (AdoptionMigrationConfiguration).
        var strategy = new AdoptionMigrationConfiguration().preflightThenMigrate();
        assertThatThrownBy(() -> strategy.migrate(Migrations.configuration(url).group(true).load()))
                .isInstanceOf(AdoptionBlocked.class).hasMessageContaining("duplicate (expert query_id)");

        assertThat(CatalogSnapshot.of(jdbc)).isEqualTo(before);
    }

    @Test
    void adopt_keeps_duplicates_marks_the_older_superseded_and_applies_every_migration() {
        String url = TestDatabase.adoptedAssistantDatabaseUrl("adopt_apply", true);
        JdbcTemplate jdbc = Migrations.jdbc(url);
        List<String> tasksBefore = originalTaskRows(jdbc);
        List<String> alembicBefore = rows(jdbc, "alembic_version");
        String superHash = jdbc.queryForObject("select hashed_password from \"user\" where role = 'super_user'",
                String.class);

        new Adoption(Migrations.dataSource(url), List.of()).apply();

        assertThat(jdbc.queryForList("select version from flyway_schema_history where success and version <> '0'"
                + " order by installed_rank", String.class)).containsExactlyElementsOf(TestDatabase.migrationVersions());
        // Kept, never deleted: 6 rows, the 2 older of each pair point at the newer one.
        assertThat(jdbc.queryForObject("select count(*) from expert_feedback", Integer.class)).isEqualTo(6);
        assertThat(jdbc.queryForList("""
                select old.feedback_type || '->' || new.feedback_type from expert_feedback old
                join expert_feedback new on new.id = old.superseded_by
                where old.superseded_at is not null order by old.query_text""", String.class))
                .containsExactly("correct->incorrect", "incomplete->incorrect");
        // The unique rule covers the current rows only.
        assertThat(jdbc.queryForObject("""
                select indexdef from pg_indexes where indexname = 'uq_expert_feedback_expert_query'""", String.class))
                .contains("UNIQUE").contains("WHERE (superseded_at IS NULL)");
        assertThatThrownBy(() -> jdbc.update("""
                insert into expert_feedback (query_id, expert_id, feedback_type, query_text, original_answer,
                    time_spent_seconds)
                select query_id, expert_id, 'correct', 'q', 'a', 5 from expert_feedback where superseded_at is null
                limit 1""")).hasMessageContaining("uq_expert_feedback_expert_query");
        // Legacy roles mapped; the original's hashes readable where we read them.
        assertThat(jdbc.queryForList("""
                select u.email || ' ' || r.role from user_role r join "user" u on u.id = r.user_id order by 1""",
                String.class)).containsExactly("admin@pratiko.it ADMIN", "esperto@pratiko.it EXPERT",
                "super@pratiko.it EXPERT");
        assertThat(jdbc.queryForObject("select password_hash from \"user\" where role = 'super_user'", String.class))
                .isEqualTo(superHash).startsWith("$2b$");
        assertThat(new BCryptPasswordEncoder().matches(TestDatabase.ORIGINAL_SUPER_USER_PASSWORD, superHash)).isTrue();
        assertThat(jdbc.queryForList("select display_name from \"user\" order by id", String.class)).containsExactly(
                "Amministratore Pratiko", "Sara Superuser", "Ugo Utente", "esperto", "Olga Oauth");
        assertThat(jdbc.queryForObject("select count(*) from expert_profiles where adopted_metrics_pending",
                Integer.class)).isEqualTo(2);
        // Tables we do not own are left alone.
        // The original's improvement tasks keep every column as it was and appear as open improvement tasks (issue 14).
        assertThat(originalTaskRows(jdbc)).isEqualTo(tasksBefore);
        assertThat(jdbc.queryForList("select distinct status from expert_generated_tasks", String.class))
                .containsExactly("open");
        assertThat(rows(jdbc, "alembic_version")).isEqualTo(alembicBefore);
        // A second adopt finds nothing to do.
        assertThat(new Adoption(Migrations.dataSource(url), List.of()).apply().blocked()).isFalse();
    }

    @Test
    void our_inserts_satisfy_the_originals_constraints_and_passwords_stay_in_sync_both_ways() {
        String url = TestDatabase.adoptedAssistantDatabaseUrl("adopt_insert", false);
        JdbcTemplate jdbc = Migrations.jdbc(url);
        new Adoption(Migrations.dataSource(url), List.of()).apply();

        // The insert UserAccount makes: no created_at, provider, role nor hashed_password.
        jdbc.update("""
                insert into "user" (email, display_name, password_hash, enabled, failed_login_attempts,
                    password_change_required, token_version, version)
                values ('nuovo@studio.it', 'Nuovo', '$2a$10$abcdefghijklmnopqrstuv', true, 0, false, 0, 0)""");
        assertThat(jdbc.queryForMap("""
                select hashed_password, provider, role, created_at is not null as created from "user"
                where email = 'nuovo@studio.it'""")).containsEntry("hashed_password", "$2a$10$abcdefghijklmnopqrstuv")
                .containsEntry("provider", "email").containsEntry("role", "user").containsEntry("created", true);
        // Our password change reaches the original's column, and the original's reaches ours.
        jdbc.update("update \"user\" set password_hash = 'ours' where email = 'nuovo@studio.it'");
        assertThat(jdbc.queryForObject("select hashed_password from \"user\" where email = 'nuovo@studio.it'",
                String.class)).isEqualTo("ours");
        jdbc.update("update \"user\" set hashed_password = 'theirs' where email = 'nuovo@studio.it'");
        assertThat(jdbc.queryForObject("select password_hash from \"user\" where email = 'nuovo@studio.it'",
                String.class)).isEqualTo("theirs");
    }

    @Test
    void a_forced_failure_in_the_last_migration_leaves_the_catalog_and_rows_exactly_as_before() {
        String url = TestDatabase.adoptedAssistantDatabaseUrl("adopt_fail", true);
        JdbcTemplate jdbc = Migrations.jdbc(url);
        List<String> before = CatalogSnapshot.of(jdbc);

        assertThatThrownBy(() -> new Adoption(Migrations.dataSource(url), List.of("classpath:db/failing-last")).apply())
                .isInstanceOf(FlywayException.class).hasMessageContaining("999");

        assertThat(CatalogSnapshot.of(jdbc)).isEqualTo(before);
        // And then, without the failing migration, it adopts.
        new Adoption(Migrations.dataSource(url), List.of()).apply();
        assertThat(jdbc.queryForObject("select count(*) from expert_feedback where superseded_at is not null",
                Integer.class)).isEqualTo(2);
    }

    @Test
    void a_verdict_outside_ours_is_named_by_the_check_and_blocks_before_anything_changes() {
        // V10's rollup counts verdicts in a feedback_type column: without the preflight's block the adoption fails
        // inside V10 with "invalid input value for enum feedback_type" (rolled back, but unexplained).
        String url = TestDatabase.adoptedAssistantDatabaseUrl("adopt_verdict", false);
        JdbcTemplate jdbc = Migrations.jdbc(url);
        jdbc.update("update expert_feedback set feedback_type = 'parziale' where query_text like 'Domanda numero 3%'");
        List<String> before = CatalogSnapshot.of(jdbc);
        List<String> rowsBefore = rows(jdbc, "expert_feedback");

        AdoptionReport check = new Adoption(Migrations.dataSource(url), List.of()).check();
        assertThat(check.blocked()).isTrue();
        assertThat(check.unknownLabels()).contains("feedback_type: parziale x1");
        assertThat(check.blocks()).singleElement().satisfies(line -> assertThat(line)
                .contains("parziale x1", "correct, incomplete, incorrect", "V10"));
        assertThatThrownBy(() -> new Adoption(Migrations.dataSource(url), List.of()).apply())
                .isInstanceOf(AdoptionBlocked.class).hasMessageContaining("parziale");

        assertThat(CatalogSnapshot.of(jdbc)).isEqualTo(before);
        assertThat(rows(jdbc, "expert_feedback")).isEqualTo(rowsBefore);
    }

    /** The original's own columns of its tasks table (ours, such as the status, are added by V16). */
    private static List<String> originalTaskRows(JdbcTemplate jdbc) {
        return new ArrayList<>(jdbc.queryForList("""
                select (id, task_id, task_name, feedback_id, expert_id, question, answer, additional_details, file_path,
                        created_at, updated_at)::text from expert_generated_tasks order by 1""", String.class));
    }

    private static List<String> rows(JdbcTemplate jdbc, String table) {
        return new ArrayList<>(jdbc.queryForList("select t::text from " + table + " t order by 1", String.class));
    }
}
