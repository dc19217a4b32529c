package it.expertfeedback.base.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import it.expertfeedback.support.TestDatabase;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The seed's schema contract (DOMAIN.md §2), checked in PostgreSQL's own catalog after the real Flyway
 * migrations ran on an empty database, plus the behaviour the catalog promises (triggers, cascades, checks).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SchemaContractTest {

    private JdbcTemplate jdbc;

    @BeforeAll
    void migrateAFreshDatabase() {
        String url = TestDatabase.freshDatabaseUrl("contract");
        MigrateResult result = Migrations.flyway(url).migrate();
        assertThat(result.success).isTrue();
        jdbc = Migrations.jdbc(url);
    }

    // ---------------------------------------------------------------- catalog

    /** V24: the inbox's queue table is vacuumed after every 1,000 dead rows, its indexes always cleaned (DD015). */
    @Test
    void review_slot_is_vacuumed_as_a_queue() {
        List<String> options = jdbc.queryForList(
                "select unnest(reloptions) from pg_class where oid = 'review_slot'::regclass", String.class);
        assertThat(options).contains("autovacuum_vacuum_scale_factor=0", "autovacuum_vacuum_threshold=1000",
                "vacuum_index_cleanup=on");
    }

    @Test
    void the_three_seed_tables_and_the_user_table_exist() {
        List<String> tables = jdbc.queryForList("""
                select table_name from information_schema.tables
                where table_schema = 'public' and table_type = 'BASE TABLE'""", String.class);
        assertThat(tables).contains("user", "expert_profiles", "expert_feedback", "expert_faq_candidates");
    }

    @Test
    void the_twelve_seed_indexes_have_the_seed_definitions() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("idx_expert_profiles_trust_score", "expert_profiles USING btree (trust_score)");
        expected.put("idx_expert_profiles_active", "expert_profiles USING btree (is_active, is_verified)");
        expected.put("idx_expert_profiles_specializations", "expert_profiles USING gin (specializations)");
        expected.put("idx_expert_feedback_query_id", "expert_feedback USING btree (query_id)");
        expected.put("idx_expert_feedback_expert_id", "expert_feedback USING btree (expert_id)");
        expected.put("idx_expert_feedback_type_category", "expert_feedback USING btree (feedback_type, category)");
        expected.put("idx_expert_feedback_timestamp", "expert_feedback USING btree (feedback_timestamp DESC)");
        expected.put("idx_expert_feedback_improvement_applied",
                "expert_feedback USING btree (improvement_applied) WHERE (improvement_applied = false)");
        expected.put("idx_expert_faq_candidates_status",
                "expert_faq_candidates USING btree (approval_status, created_at DESC)");
        expected.put("idx_expert_faq_candidates_priority",
                "expert_faq_candidates USING btree (priority_score DESC, approval_status)");
        expected.put("idx_expert_faq_candidates_expert",
                "expert_faq_candidates USING btree (expert_id, expert_trust_score DESC)");
        expected.put("idx_expert_faq_candidates_category", "expert_faq_candidates USING btree (suggested_category)");
        assertThat(expected).hasSize(12);

        Map<String, String> actual = new LinkedHashMap<>();
        jdbc.query("""
                select c.relname, pg_get_indexdef(c.oid) from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = 'public' and c.relkind = 'i'""",
                rs -> { actual.put(rs.getString(1), rs.getString(2)); });
        expected.forEach((name, definition) -> assertThat(actual)
                .containsEntry(name, "CREATE INDEX " + name + " ON public." + definition));
    }

    @Test
    void index_access_methods_sort_orders_and_predicate_are_the_seeds() {
        // Independently of the text form: the access method from pg_am, DESC from indoption bit 0, the predicate.
        assertThat(jdbc.queryForObject("""
                select a.amname from pg_class c join pg_am a on a.oid = c.relam
                where c.relname = 'idx_expert_profiles_specializations'""", String.class)).isEqualTo("gin");
        assertThat(jdbc.queryForList("""
                select c.relname from pg_class c join pg_am a on a.oid = c.relam join pg_index i on i.indexrelid = c.oid
                where a.amname = 'gin' and i.indrelid in ('expert_profiles'::regclass, 'expert_feedback'::regclass,
                                                          'expert_faq_candidates'::regclass)
                  and c.relname not in ('idx_expert_faq_candidates_question_trgm', 'idx_expert_feedback_fts',
                                        'idx_expert_faq_candidates_fts')""", String.class))
                // Of the seed's indexes only specializations is GIN; later migrations add the trigram index (V7) and
                // the Italian full-text indexes (V14).
                .containsExactly("idx_expert_profiles_specializations");

        assertThat(descFlags("idx_expert_feedback_timestamp")).containsExactly(true);
        assertThat(descFlags("idx_expert_faq_candidates_status")).containsExactly(false, true);
        assertThat(descFlags("idx_expert_faq_candidates_priority")).containsExactly(true, false);
        assertThat(descFlags("idx_expert_faq_candidates_expert")).containsExactly(false, true);
        assertThat(descFlags("idx_expert_feedback_type_category")).containsExactly(false, false);
        assertThat(descFlags("idx_expert_profiles_active")).containsExactly(false, false);

        assertThat(jdbc.queryForObject("""
                select pg_get_expr(i.indpred, i.indrelid) from pg_index i
                where i.indexrelid = 'idx_expert_feedback_improvement_applied'::regclass""", String.class))
                .isEqualTo("(improvement_applied = false)");
        // Only the partial index has a predicate among the seed's twelve.
        assertThat(jdbc.queryForList("""
                select c.relname from pg_index i join pg_class c on c.oid = i.indexrelid
                where i.indpred is not null and c.relname like 'idx_expert_f%'
                  and c.relname not in ('idx_expert_faq_candidates_approved_updated',
                                        'idx_expert_faq_candidates_pending_priority',
                                        'idx_expert_faq_candidates_decided',
                                        'idx_expert_faq_candidates_live_updated',
                                        'idx_expert_feedback_superseded')""",
                        String.class))
                // (V7, V8, V10, V19 and V20 add partial indexes of their own: golden-set sync, approval queue,
                // decisions, live FAQs, the superseded feedback.)
                .containsExactly("idx_expert_feedback_improvement_applied");
    }

    private List<Boolean> descFlags(String index) {
        return jdbc.queryForList("""
                select (i.indoption[k.n] & 1) = 1 from pg_index i, generate_series(0, i.indnkeyatts - 1) as k(n)
                where i.indexrelid = ?::regclass order by k.n""", Boolean.class, index);
    }

    @Test
    void the_three_enum_types_have_their_values_in_the_seed_order() {
        assertThat(enumValues("feedback_type")).containsExactly("correct", "incomplete", "incorrect");
        assertThat(enumValues("italian_feedback_category")).containsExactly("normativa_obsoleta",
                "interpretazione_errata", "caso_mancante", "calcolo_sbagliato", "troppo_generico");
        assertThat(enumValues("expert_credential_type")).containsExactly("dottore_commercialista",
                "revisore_legale", "consulente_fiscale", "consulente_lavoro", "caf_operator");
    }

    private List<String> enumValues(String type) {
        return jdbc.queryForList("""
                select e.enumlabel from pg_enum e join pg_type t on t.oid = e.enumtypid
                where t.typname = ? order by e.enumsortorder""", String.class, type);
    }

    @Test
    void enum_and_array_columns_have_the_seed_types() {
        Map<String, String> types = new LinkedHashMap<>();
        jdbc.query("""
                select table_name || '.' || column_name, udt_name from information_schema.columns
                where table_schema = 'public'
                  and table_name in ('expert_profiles', 'expert_feedback', 'expert_faq_candidates')""",
                rs -> { types.put(rs.getString(1), rs.getString(2)); });
        assertThat(types).contains(
                entry("expert_profiles.id", "uuid"), entry("expert_profiles.user_id", "int4"),
                entry("expert_profiles.credentials", "_text"),
                entry("expert_profiles.credential_types", "_expert_credential_type"),
                entry("expert_profiles.specializations", "_text"),
                entry("expert_profiles.trust_score", "float8"),
                entry("expert_feedback.feedback_type", "feedback_type"),
                entry("expert_feedback.category", "italian_feedback_category"),
                entry("expert_feedback.query_id", "uuid"),
                entry("expert_feedback.improvement_suggestions", "_text"),
                entry("expert_faq_candidates.approved_by", "int4"),
                entry("expert_faq_candidates.estimated_monthly_savings", "numeric"),
                entry("expert_faq_candidates.updated_at", "timestamptz"));
        assertThat(jdbc.queryForObject("""
                select data_type from information_schema.columns where table_schema = 'public'
                and table_name = 'user' and column_name = 'id'""", String.class)).isEqualTo("integer");
    }

    @Test
    void one_trigger_function_serves_three_before_update_row_triggers() {
        assertThat(jdbc.queryForObject("""
                select l.lanname || ':' || pg_get_function_result(p.oid) || ':' || pg_get_function_arguments(p.oid)
                from pg_proc p join pg_language l on l.oid = p.prolang join pg_namespace n on n.oid = p.pronamespace
                where n.nspname = 'public' and p.proname = 'update_expert_updated_at'""", String.class))
                .isEqualTo("plpgsql:trigger:");

        List<String> triggers = jdbc.queryForList("""
                select t.tgname || ' on ' || c.relname || ' -> ' || p.proname
                       || ((t.tgtype & 2) = 2)::text      -- BEFORE
                       || ((t.tgtype & 1) = 1)::text      -- FOR EACH ROW
                       || ((t.tgtype & 16) = 16)::text    -- UPDATE
                       || ((t.tgtype & (4 | 8 | 32)) = 0)::text  -- not INSERT, DELETE, TRUNCATE
                from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_proc p on p.oid = t.tgfoid
                where not t.tgisinternal and t.tgname like '%updated_at' order by t.tgname""", String.class);
        assertThat(triggers).containsExactlyInAnyOrder(
                "trigger_expert_faq_candidates_updated_at on expert_faq_candidates -> update_expert_updated_attruetruetruetrue",
                "trigger_expert_feedback_updated_at on expert_feedback -> update_expert_updated_attruetruetruetrue",
                "trigger_expert_profiles_updated_at on expert_profiles -> update_expert_updated_attruetruetruetrue");

        // The same facts through the standard view.
        assertThat(jdbc.queryForList("""
                select distinct action_timing || ' ' || event_manipulation || ' ' || action_orientation
                from information_schema.triggers where trigger_name like 'trigger_expert_%_updated_at'""", String.class))
                .containsExactly("BEFORE UPDATE ROW");
    }

    @Test
    void foreign_keys_have_the_seed_delete_rules() {
        Map<String, String> rules = new LinkedHashMap<>();
        jdbc.query("""
                select c.conrelid::regclass::text || '.' || a.attname || ' -> ' || c.confrelid::regclass::text,
                       c.confdeltype::text
                from pg_constraint c join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
                where c.contype = 'f' and cardinality(c.conkey) = 1""",
                rs -> { rules.put(rs.getString(1), rs.getString(2)); });
        assertThat(rules).contains(
                entry("expert_profiles.user_id -> \"user\"", "c"),
                entry("expert_feedback.expert_id -> expert_profiles", "c"),
                entry("expert_faq_candidates.expert_id -> expert_profiles", "n"),
                entry("expert_faq_candidates.approved_by -> \"user\"", "n"));
        // query_id judges the assistant's answers, which live elsewhere: no foreign key.
        assertThat(rules.keySet()).noneMatch(key -> key.startsWith("expert_feedback.query_id"));
    }

    @Test
    void the_seed_check_constraints_exist_on_their_tables() {
        List<String> checks = jdbc.queryForList("""
                select conrelid::regclass::text || '.' || conname from pg_constraint where contype = 'c'""",
                String.class);
        assertThat(checks).contains(
                "expert_profiles.trust_score_range", "expert_profiles.accuracy_rate_range",
                "expert_profiles.non_negative_experience", "expert_profiles.non_negative_feedback_count",
                "expert_feedback.confidence_score_range", "expert_feedback.positive_time_spent",
                "expert_feedback.complexity_rating_range", "expert_feedback.valid_review_verdict",
                "expert_faq_candidates.valid_source", "expert_faq_candidates.valid_approval_status",
                "expert_faq_candidates.non_negative_frequency", "expert_faq_candidates.non_negative_savings");
        assertThat(jdbc.queryForObject("""
                select is_nullable || ':' || column_default from information_schema.columns
                where table_name = 'expert_profiles' and column_name = 'id'""", String.class))
                .isEqualTo("NO:gen_random_uuid()");
        assertThat(jdbc.queryForObject("""
                select count(*) from pg_constraint where contype = 'u' and conrelid = 'expert_profiles'::regclass
                and conkey = array[(select attnum from pg_attribute where attrelid = 'expert_profiles'::regclass
                                    and attname = 'user_id')]""", Integer.class)).isOne();
    }

    // ---------------------------------------------------------------- behaviour

    private int newUser() {
        String email = "u-" + UUID.randomUUID() + "@contract.test";
        return jdbc.queryForObject("""
                insert into "user" (email, display_name, password_hash) values (?, 'Contract', 'x') returning id""",
                Integer.class, email);
    }

    private UUID newProfile(int userId) {
        return jdbc.queryForObject("insert into expert_profiles (user_id) values (?) returning id", UUID.class, userId);
    }

    private UUID newFeedback(UUID expertId) {
        return jdbc.queryForObject("""
                insert into expert_feedback (query_id, expert_id, feedback_type, query_text, original_answer,
                                             time_spent_seconds)
                values (gen_random_uuid(), ?, 'correct', 'Domanda?', 'Risposta.', 60) returning id""",
                UUID.class, expertId);
    }

    private UUID newCandidate(UUID expertId, Integer approvedBy) {
        return jdbc.queryForObject("""
                insert into expert_faq_candidates (question, answer, expert_id, approved_by)
                values ('Domanda?', 'Risposta.', ?, ?) returning id""", UUID.class, expertId, approvedBy);
    }

    @Test
    void an_update_sets_updated_at_on_each_of_the_three_tables() {
        int user = newUser();
        UUID profile = newProfile(user);
        UUID feedback = newFeedback(profile);
        UUID candidate = newCandidate(profile, null);
        String old = "2001-02-03T04:05:06Z";
        // The trigger overrides even an explicit value, so an old value is planted with the trigger disabled.
        jdbc.update("update expert_profiles set updated_at = ?::timestamptz where id = ?", old, profile);
        assertThat(updatedAt("expert_profiles", profile)).isAfter(Instant.parse("2020-01-01T00:00:00Z"));

        for (String table : List.of("expert_profiles", "expert_feedback", "expert_faq_candidates")) {
            UUID id = switch (table) {
                case "expert_profiles" -> profile;
                case "expert_feedback" -> feedback;
                default -> candidate;
            };
            jdbc.update("alter table " + table + " disable trigger user");
            try {
                jdbc.update("update " + table + " set updated_at = ?::timestamptz where id = ?", old, id);
            } finally {
                jdbc.update("alter table " + table + " enable trigger user");
            }
            assertThat(updatedAt(table, id)).isEqualTo(Instant.parse(old));
            Instant before = jdbc.queryForObject("select now()", OffsetDateTime.class).toInstant();
            String change = switch (table) {
                case "expert_profiles" -> "organization = 'Studio Rossi'";
                case "expert_feedback" -> "action_taken = 'noted'";
                default -> "frequency = 2";
            };
            jdbc.update("update " + table + " set " + change + " where id = ?", id);
            assertThat(updatedAt(table, id)).as(table).isAfterOrEqualTo(before)
                    .isBefore(Instant.now().plusSeconds(60));
        }
    }

    private Instant updatedAt(String table, UUID id) {
        return jdbc.queryForObject("select updated_at from " + table + " where id = ?", OffsetDateTime.class, id)
                .toInstant();
    }

    @Test
    void deleting_a_user_cascades_to_the_profile_and_its_feedback() {
        int user = newUser();
        UUID profile = newProfile(user);
        UUID feedback1 = newFeedback(profile);
        UUID feedback2 = newFeedback(profile);
        int other = newUser();
        UUID otherProfile = newProfile(other);
        UUID otherFeedback = newFeedback(otherProfile);

        assertThat(jdbc.update("delete from \"user\" where id = ?", user)).isOne();

        assertThat(count("select count(*) from expert_profiles where id = ?", profile)).isZero();
        assertThat(count("select count(*) from expert_feedback where id in (?, ?)", feedback1, feedback2)).isZero();
        assertThat(count("select count(*) from expert_feedback where id = ?", otherFeedback)).isOne();
        assertThat(count("select count(*) from expert_profiles where id = ?", otherProfile)).isOne();
    }

    @Test
    void deleting_a_profile_keeps_its_candidates_without_expert() {
        int user = newUser();
        UUID profile = newProfile(user);
        UUID candidate = newCandidate(profile, null);
        jdbc.update("delete from expert_profiles where id = ?", profile);
        assertThat(jdbc.queryForList("select expert_id from expert_faq_candidates where id = ?", candidate))
                .singleElement().satisfies(row -> assertThat(row.get("expert_id")).isNull());
    }

    @Test
    void deleting_the_approving_user_keeps_the_candidate_without_approver() {
        int expertUser = newUser();
        UUID profile = newProfile(expertUser);
        int reviewer = newUser();
        UUID candidate = newCandidate(profile, reviewer);
        jdbc.update("delete from \"user\" where id = ?", reviewer);
        Map<String, Object> row = jdbc.queryForMap(
                "select approved_by, expert_id from expert_faq_candidates where id = ?", candidate);
        assertThat(row.get("approved_by")).isNull();
        assertThat(row.get("expert_id")).isEqualTo(profile);
    }

    private long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    @Test
    void every_check_constraint_rejects_an_out_of_range_row() {
        int user = newUser();
        UUID profile = newProfile(user);
        UUID feedback = newFeedback(profile);
        UUID candidate = newCandidate(profile, null);

        String p = "update expert_profiles set %s where id = '" + profile + "'";
        assertRejected("trust_score_range", p.formatted("trust_score = 1.0001"));
        assertRejected("trust_score_range", p.formatted("trust_score = -0.01"));
        assertRejected("accuracy_rate_range", p.formatted("feedback_accuracy_rate = 1.5"));
        assertRejected("accuracy_rate_range", p.formatted("feedback_accuracy_rate = -0.1"));
        assertRejected("non_negative_experience", p.formatted("experience_years = -1"));
        assertRejected("non_negative_feedback_count", p.formatted("feedback_count = -1"));
        assertAccepted(p.formatted("trust_score = 0, feedback_accuracy_rate = 1, experience_years = 0, feedback_count = 0"));
        assertAccepted(p.formatted("trust_score = 1, feedback_accuracy_rate = 0"));

        String f = "update expert_feedback set %s where id = '" + feedback + "'";
        assertRejected("confidence_score_range", f.formatted("confidence_score = 1.01"));
        assertRejected("confidence_score_range", f.formatted("confidence_score = -0.01"));
        assertRejected("positive_time_spent", f.formatted("time_spent_seconds = 0"));
        assertRejected("complexity_rating_range", f.formatted("complexity_rating = 0"));
        assertRejected("complexity_rating_range", f.formatted("complexity_rating = 6"));
        assertRejected("valid_review_verdict", f.formatted("review_verdict = 'maybe'"));
        assertAccepted(f.formatted("confidence_score = 1, time_spent_seconds = 1, complexity_rating = 5, review_verdict = 'upheld'"));
        assertAccepted(f.formatted("confidence_score = 0, complexity_rating = 1, review_verdict = 'overturned'"));
        assertAccepted(f.formatted("complexity_rating = null, review_verdict = null"));

        String c = "update expert_faq_candidates set %s where id = '" + candidate + "'";
        assertRejected("valid_source", c.formatted("source = 'manual'"));
        assertRejected("valid_approval_status", c.formatted("approval_status = 'Approved'"));
        assertRejected("non_negative_frequency", c.formatted("frequency = -1"));
        assertRejected("non_negative_savings", c.formatted("estimated_monthly_savings = -0.01"));
        assertAccepted(c.formatted("source = 'auto_generated', approval_status = 'rejected', frequency = 0, estimated_monthly_savings = 0"));

        // Inserts are checked as well as updates.
        assertRejected("positive_time_spent", """
                insert into expert_feedback (query_id, expert_id, feedback_type, query_text, original_answer,
                                             time_spent_seconds)
                values (gen_random_uuid(), '%s', 'incorrect', 'q', 'a', -5)""".formatted(profile));
        assertRejected("trust_score_range",
                "insert into expert_profiles (user_id, trust_score) values (%d, 2)".formatted(newUser()));
    }

    private void assertRejected(String constraint, String sql) {
        assertThatThrownBy(() -> jdbc.update(sql)).as(sql)
                .isInstanceOf(DataAccessException.class)
                .satisfies(e -> {
                    Throwable cause = ((DataAccessException) e).getMostSpecificCause();
                    assertThat(cause).isInstanceOf(SQLException.class);
                    assertThat(((SQLException) cause).getSQLState()).isEqualTo("23514");
                    assertThat(cause.getMessage()).contains("\"" + constraint + "\"");
                });
    }

    private void assertAccepted(String sql) {
        assertThat(jdbc.update(sql)).as(sql).isOne();
    }

    // ---------------------------------------------------------------- the assistant's existing database

    @Test
    void an_existing_assistant_database_with_the_enum_types_and_a_user_table_is_migrated() {
        // What the assistant's database already holds: its own accounts and the three enum types.
        String url = TestDatabase.existingAssistantDatabaseUrl("existing");
        JdbcTemplate existing = Migrations.jdbc(url);

        MigrateResult result = Migrations.flyway(url).migrate();

        assertThat(result.success).isTrue();
        assertThat(result.migrationsExecuted).isEqualTo(TestDatabase.migrationVersions().size());
        assertThat(existing.queryForList("select email from \"user\" order by id", String.class))
                .containsExactly("mario.rossi@studio.it", "anna.bianchi@caf.it");
        // The columns the application needs were added next to the assistant's own.
        assertThat(existing.queryForList("""
                select column_name from information_schema.columns where table_name = 'user'""", String.class))
                .contains("full_name", "hashed_password", "display_name", "password_hash", "enabled",
                        "failed_login_attempts", "version");
        assertThat(existing.queryForList("""
                select table_name from information_schema.tables where table_schema = 'public'""", String.class))
                .contains("expert_profiles", "expert_feedback", "expert_faq_candidates", "user_role", "audit_log");
        assertThat(existing.queryForObject("select count(*) from pg_type where typname = 'feedback_type'", Integer.class))
                .isOne();
        // The existing accounts can become experts.
        Integer mario = existing.queryForObject("select id from \"user\" where email = 'mario.rossi@studio.it'", Integer.class);
        existing.update("insert into expert_profiles (user_id, credential_types) values (?, '{revisore_legale}')", mario);
        assertThat(existing.queryForObject("select count(*) from expert_profiles", Integer.class)).isOne();
        // A second run finds nothing to do.
        assertThat(Migrations.flyway(url).migrate().migrationsExecuted).isZero();
    }
}
