package it.expertfeedback.base.db;

import static org.assertj.core.api.Assertions.assertThat;

import it.expertfeedback.support.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The seed's downgrade (ExpertSchemaRollback with the db/rollback undo scripts) on a real migrated database:
 * the expert schema goes, "user" and its rows stay, and migrating again rebuilds exactly the same catalog.
 */
class SchemaRollbackTest {

    private static ExpertSchemaRollback rollbackOf(DataSource dataSource) {
        return new ExpertSchemaRollback(dataSource,
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
    }

    /** Everything the migrations define, one sorted line per object, independent of OIDs. */
    static List<String> catalog(JdbcTemplate jdbc) {
        List<String> lines = new ArrayList<>();
        lines.addAll(jdbc.queryForList("""
                -- The position among live columns: a column dropped by an undo script and added again by its migration
                -- gets a new attnum, yet the table is the same.
                select 'column ' || c.relname || '.' || a.attname || ' #'
                       || row_number() over (partition by a.attrelid order by a.attnum) || ' '
                       || format_type(a.atttypid, a.atttypmod) || (case when a.attnotnull then ' not null' else '' end)
                       || coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), '')
                from pg_attribute a join pg_class c on c.oid = a.attrelid
                join pg_namespace n on n.oid = c.relnamespace
                left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
                where n.nspname = 'public' and c.relkind = 'r' and a.attnum > 0 and not a.attisdropped""",
                String.class));
        lines.addAll(jdbc.queryForList("""
                select 'index ' || c.relname || ' ' || pg_get_indexdef(c.oid)
                from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = 'public' and c.relkind = 'i'""", String.class));
        lines.addAll(jdbc.queryForList("""
                select 'constraint ' || con.conrelid::regclass::text || '.' || con.conname || ' '
                       || pg_get_constraintdef(con.oid)
                from pg_constraint con join pg_namespace n on n.oid = con.connamespace
                where n.nspname = 'public'""", String.class));
        lines.addAll(jdbc.queryForList("""
                select 'enum ' || t.typname || ' ' || e.enumsortorder || ' ' || e.enumlabel
                from pg_enum e join pg_type t on t.oid = e.enumtypid join pg_namespace n on n.oid = t.typnamespace
                where n.nspname = 'public'""", String.class));
        lines.addAll(jdbc.queryForList("""
                select 'type ' || t.typname || ' ' || t.typtype::text from pg_type t
                join pg_namespace n on n.oid = t.typnamespace
                where n.nspname = 'public' and t.typtype in ('e', 'd', 'c')
                  and not exists (select 1 from pg_class c where c.reltype = t.oid)""", String.class));
        lines.addAll(jdbc.queryForList("""
                select 'function ' || p.proname || '(' || pg_get_function_arguments(p.oid) || ') '
                       || pg_get_functiondef(p.oid)
                from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname = 'public'""",
                String.class));
        lines.addAll(jdbc.queryForList("""
                select 'trigger ' || t.tgname || ' ' || pg_get_triggerdef(t.oid)
                from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = 'public' and not t.tgisinternal""", String.class));
        lines.addAll(jdbc.queryForList("""
                select 'sequence ' || c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = 'public' and c.relkind = 'S'""", String.class));
        lines.sort(null);
        return lines;
    }

    @Test
    void rollback_removes_the_expert_schema_keeps_user_and_a_new_migration_rebuilds_the_same_catalog() {
        String url = Migrations.freshMigratedDatabase("rollback");
        DataSource dataSource = Migrations.dataSource(url);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        List<String> before = catalog(jdbc);
        assertThat(before).anyMatch(line -> line.startsWith("trigger trigger_expert_feedback_updated_at "))
                .anyMatch(line -> line.startsWith("index idx_expert_profiles_specializations "))
                .anyMatch(line -> line.equals("enum feedback_type 1 correct"));

        // Data in every table, so the rollback has to cope with rows and foreign keys.
        Integer user = jdbc.queryForObject("""
                insert into "user" (email, display_name, password_hash) values ('stays@efs.test', 'Resta', 'x')
                returning id""", Integer.class);
        jdbc.update("insert into user_role (user_id, role) values (?, 'EXPERT')", user);
        var profile = jdbc.queryForObject("insert into expert_profiles (user_id, credential_types) "
                + "values (?, '{caf_operator}') returning id", java.util.UUID.class, user);
        jdbc.update("""
                insert into expert_feedback (query_id, expert_id, feedback_type, query_text, original_answer,
                                             time_spent_seconds) values (gen_random_uuid(), ?, 'incorrect', 'q', 'a', 9)""",
                profile);
        jdbc.update("insert into expert_faq_candidates (question, answer, expert_id, approved_by) values ('q','a',?,?)",
                profile, user);
        jdbc.update("insert into audit_log (actor_user_id, entity_type, entity_id, action) values (?, 'x', '1', 'y')",
                user);
        jdbc.update("""
                insert into expert_trust_history (expert_id, trust_score, credentials, experience, track_record,
                    responsiveness, breadth, reason) values (?, 0.5, 0, 0, 0, 0, 0, 'test')""", profile);

        List<Integer> applied = jdbc.queryForList("""
                select cast(version as integer) from flyway_schema_history where version is not null
                and cast(version as integer) >= 2 order by 1 desc""", Integer.class);
        List<Integer> undone = rollbackOf(dataSource).rollback();

        // Every migration from V2 on, newest first (V2..V6 today; later migrations join automatically).
        assertThat(applied).hasSizeGreaterThanOrEqualTo(5).endsWith(2);
        assertThat(undone).isEqualTo(applied);
        assertThat(jdbc.queryForList("""
                select table_name from information_schema.tables where table_schema = 'public'""", String.class))
                .containsExactlyInAnyOrder("user", "user_role", "flyway_schema_history");
        assertThat(jdbc.queryForObject("""
                select count(*) from pg_type t join pg_namespace n on n.oid = t.typnamespace where n.nspname = 'public'
                and t.typname in ('feedback_type', 'italian_feedback_category', 'expert_credential_type')""",
                Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from pg_proc where proname = 'update_expert_updated_at'",
                Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from pg_trigger where not tgisinternal", Integer.class)).isZero();
        assertThat(jdbc.queryForList("select email from \"user\"", String.class)).containsExactly("stays@efs.test");
        assertThat(jdbc.queryForList("select role from user_role where user_id = ?", String.class, user))
                .containsExactly("EXPERT");
        assertThat(jdbc.queryForList("select version from flyway_schema_history where version is not null",
                String.class)).allSatisfy(v -> assertThat(MigrationVersion.fromVersion(v))
                        .isLessThan(MigrationVersion.fromVersion("2")))
                .contains("1");

        // After the rollback the database is exactly what V1 alone builds.
        String v1Only = TestDatabase.freshDatabaseUrl("v1only");
        Migrations.configuration(v1Only).target(MigrationVersion.fromVersion("1")).load().migrate();
        assertThat(catalog(jdbc)).isEqualTo(catalog(Migrations.jdbc(v1Only)));

        // A second rollback finds nothing left to undo.
        assertThat(rollbackOf(dataSource).rollback()).isEmpty();

        var again = Migrations.flyway(url).migrate();
        assertThat(again.migrationsExecuted).isEqualTo(TestDatabase.migrationVersions().size() - 1);
        assertThat(catalog(jdbc)).containsExactlyElementsOf(before);
        assertThat(jdbc.queryForList("select email from \"user\"", String.class)).containsExactly("stays@efs.test");
        assertThat(jdbc.queryForObject("select count(*) from expert_profiles", Integer.class)).isZero();
    }

    @Test
    void the_catalog_listing_sees_a_difference() {
        // Guard against a listing that would compare equal whatever the schema: a changed default shows up.
        String url = Migrations.freshMigratedDatabase("listing");
        JdbcTemplate jdbc = Migrations.jdbc(url);
        List<String> before = catalog(jdbc);
        assertThat(before).hasSizeGreaterThan(100);
        jdbc.execute("alter table expert_profiles alter column trust_score set default 0.6");
        assertThat(catalog(jdbc)).isNotEqualTo(before);
        jdbc.execute("alter table expert_profiles alter column trust_score set default 0.5");
        assertThat(catalog(jdbc)).isEqualTo(before);
        jdbc.execute("create index idx_extra on expert_feedback (action_taken)");
        assertThat(catalog(jdbc)).isNotEqualTo(before);
    }
}
