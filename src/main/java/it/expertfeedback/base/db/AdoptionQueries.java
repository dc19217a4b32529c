package it.expertfeedback.base.db;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The preflight's SQL on a database that may be the assistant's own (DOMAIN.md §11): read-only, and written so that
 * it runs whatever shape the database has (a missing table or column is asked about first, never assumed).
 */
final class AdoptionQueries {

    /** The labels our code knows; anything else in these VARCHAR columns is "unknown" (shown as Altro). */
    static final List<String> KNOWN_CREDENTIALS = List.of("dottore_commercialista", "revisore_legale",
            "consulente_fiscale", "consulente_lavoro", "caf_operator");
    static final List<String> KNOWN_VERDICTS = List.of("correct", "incomplete", "incorrect");
    static final List<String> KNOWN_CATEGORIES = List.of("normativa_obsoleta", "interpretazione_errata",
            "caso_mancante", "calcolo_sbagliato", "troppo_generico");

    /** Tables our migrations create that the assistant never had: present without our history = a conflict. */
    static final List<String> OUR_OWN_TABLES = List.of("user_role", "audit_log", "expert_trust_history",
            "expert_faq_candidate_feedback", "faq_auto_approval_settings", "analytics_feedback_daily",
            "analytics_expert_activity", "shedlock");

    /** Marks the older rows of each duplicate (expert, query_id) superseded by the newest and makes V6's rule partial. */
    static final String SUPERSEDE_DUPLICATES = """
            ALTER TABLE expert_feedback ADD COLUMN IF NOT EXISTS superseded_at TIMESTAMPTZ;
            ALTER TABLE expert_feedback ADD COLUMN IF NOT EXISTS superseded_by UUID
                REFERENCES expert_feedback (id) ON DELETE SET NULL;
            WITH ranked AS (
                SELECT id, first_value(id) OVER w AS newest, row_number() OVER w AS position FROM expert_feedback
                WINDOW w AS (PARTITION BY expert_id, query_id
                             ORDER BY coalesce(feedback_timestamp, created_at) DESC NULLS LAST, id DESC))
            UPDATE expert_feedback f SET superseded_at = now(), superseded_by = r.newest
            FROM ranked r WHERE f.id = r.id AND r.position > 1 AND f.superseded_at IS NULL;
            CREATE UNIQUE INDEX IF NOT EXISTS uq_expert_feedback_expert_query ON expert_feedback (expert_id, query_id)
                WHERE superseded_at IS NULL;
            """;

    private final JdbcTemplate jdbc;

    AdoptionQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    boolean tableExists(String table) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select to_regclass(?) is not null", Boolean.class,
                table.equals("user") ? "\"user\"" : table));
    }

    boolean columnExists(String table, String column) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (select 1 from information_schema.columns
                               where table_schema = current_schema() and table_name = ? and column_name = ?)""",
                Boolean.class, table, column));
    }

    List<String> appliedVersions() {
        return tableExists("flyway_schema_history")
                ? jdbc.queryForList("""
                        select version from flyway_schema_history where success and version is not null
                        order by installed_rank""", String.class)
                : List.of();
    }

    long count(String table) {
        return jdbc.queryForObject("select count(*) from " + (table.equals("user") ? "\"user\"" : table), Long.class);
    }

    List<String> legacyRoles() {
        return jdbc.queryForList("""
                select role || ': ' || count(*) from "user" group by role order by role""", String.class);
    }

    /** "expert_id query_id ×n" for every (expert, query) judged more than once among the current rows. */
    List<String> duplicateFeedback(boolean supersededColumn) {
        return jdbc.queryForList("""
                select expert_id || ' ' || query_id || ' x' || count(*) from expert_feedback
                %s group by expert_id, query_id having count(*) > 1 order by 1"""
                .formatted(supersededColumn ? "where superseded_at is null" : ""), String.class);
    }

    List<String> emailsEqualIgnoringCase() {
        return jdbc.queryForList("""
                select lower(btrim(email)) || ' x' || count(*) from "user" group by lower(btrim(email))
                having count(*) > 1 order by 1""", String.class);
    }

    List<String> usersWithSeveralProfiles() {
        return jdbc.queryForList("""
                select 'user ' || user_id || ' x' || count(*) from expert_profiles group by user_id having count(*) > 1
                order by 1""", String.class);
    }

    List<String> orphanFeedback() {
        return jdbc.queryForList("""
                select 'feedback ' || f.id || ' -> missing expert ' || f.expert_id from expert_feedback f
                where not exists (select 1 from expert_profiles p where p.id = f.expert_id) order by 1""", String.class);
    }

    List<String> orphanProfiles() {
        return jdbc.queryForList("""
                select 'profile ' || p.id || ' -> missing user ' || p.user_id from expert_profiles p
                where not exists (select 1 from "user" u where u.id = p.user_id) order by 1""", String.class);
    }

    List<String> unknownCredentialLabels() {
        return jdbc.queryForList("""
                select label || ' x' || count(*) from expert_profiles, unnest(credential_types::text[]) label
                where label <> all (?::text[]) group by label order by label""", String.class,
                (Object) KNOWN_CREDENTIALS.toArray(String[]::new));
    }

    /** Every older duplicate kept as superseded: "feedback id superseded by id (expert, query)". */
    List<String> supersededFeedback() {
        return columnExists("expert_feedback", "superseded_at") ? jdbc.queryForList("""
                select id || ' superseded by ' || superseded_by || ' (expert ' || expert_id || ', query ' || query_id
                       || ')' from expert_feedback where superseded_at is not null order by superseded_at, id""",
                String.class) : List.of();
    }

    /** The audited first recomputes of adopted experts' metrics (expert.ExpertService), before -> after. */
    List<String> adoptedMetricsRecomputes(String action) {
        return jdbc.queryForList("""
                select 'expert ' || entity_id || ': ' || coalesce(before_state::text, '-') || ' -> '
                       || coalesce(after_state::text, '-') from audit_log where action = ? order by id""",
                String.class, action);
    }

    List<String> unknownLabels(String column, List<String> known) {
        return jdbc.queryForList("""
                select %1$s::text || ' x' || count(*) from expert_feedback
                where %1$s is not null and %1$s::text <> all (?::text[]) group by %1$s::text order by 1"""
                .formatted(column), String.class, (Object) known.toArray(String[]::new));
    }
}
