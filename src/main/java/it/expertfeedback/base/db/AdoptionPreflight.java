package it.expertfeedback.base.db;

import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Read-only check before Flyway touches a database (DOMAIN.md §11, DD013): everything that would make a pending
 * migration fail is found here and reported together, so that nothing is changed until it is resolved.
 *
 * <p>Duplicate (expert, query_id) feedback blocks a plain start; {@code ./efs adopt} resolves it by marking the
 * older rows superseded inside the migration transaction ({@link SupersedeDuplicatesBeforeV6}).
 */
public final class AdoptionPreflight {

    private final AdoptionQueries queries;

    public AdoptionPreflight(DataSource dataSource) {
        this.queries = new AdoptionQueries(new JdbcTemplate(dataSource));
    }

    public AdoptionReport check(boolean resolveDuplicates) {
        List<String> exists = new ArrayList<>();
        List<String> changes = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        List<String> blocks = new ArrayList<>();
        List<String> applied = queries.appliedVersions();
        boolean history = queries.tableExists("flyway_schema_history");
        exists.add(history ? "Flyway history: versions " + applied : "no Flyway history (not migrated by us yet)");
        if (queries.tableExists("alembic_version")) {
            exists.add("alembic_version (the assistant's own migrations): left alone");
        }
        boolean user = queries.tableExists("user");
        boolean legacyUser = user && queries.columnExists("user", "hashed_password");
        if (user) {
            exists.add("\"user\": " + queries.count("user") + " accounts" + (legacyUser ? " (assistant's shape)" : ""));
            if (legacyUser && queries.columnExists("user", "role")) {
                exists.add("legacy roles " + queries.legacyRoles());
                if (!applied.contains("17")) {
                    changes.add("legacy roles mapped once into user_role: admin -> ADMIN, super_user -> EXPERT, "
                            + "active expert profile -> EXPERT");
                    changes.add("hashed_password copied to password_hash and kept in sync both ways (trigger)");
                    changes.add("\"user\".created_at gets DEFAULT now(); display_name filled from name or email");
                }
            }
            queries.emailsEqualIgnoringCase().forEach(e -> blocks.add("emails equal ignoring case: " + e
                    + " (V1's unique lower(email) would fail; merge or rename the accounts)"));
        }
        if (queries.tableExists("expert_profiles")) {
            exists.add("expert_profiles: " + queries.count("expert_profiles") + " rows");
            queries.unknownCredentialLabels().forEach(label -> unknown.add("credential_types: " + label));
            queries.usersWithSeveralProfiles().forEach(dup -> blocks.add("several expert profiles for one account: "
                    + dup + " (the product allows one per account)"));
            queries.orphanProfiles().forEach(orphan -> blocks.add("orphan " + orphan));
            if (!applied.contains("17")) {
                changes.add("expert metrics as the assistant computed them are kept until the first recompute, "
                        + "which is audited with before/after (adopted_metrics_pending)");
            }
        }
        if (queries.tableExists("expert_feedback")) {
            boolean superseded = queries.columnExists("expert_feedback", "superseded_at");
            exists.add("expert_feedback: " + queries.count("expert_feedback") + " rows");
            List<String> unknownVerdicts = queries.unknownLabels("feedback_type", AdoptionQueries.KNOWN_VERDICTS);
            unknownVerdicts.forEach(label -> unknown.add("feedback_type: " + label));
            if (!applied.contains("10")) {
                // V10's rollup counts every row by verdict in a feedback_type column: an unknown verdict would fail
                // it (and, all or nothing, the whole adoption) with an enum error; said here, before anything runs.
                unknownVerdicts.forEach(label -> blocks.add("feedback_type " + label
                        + " is not a verdict (correct, incomplete, incorrect): the analytics rollup (V10) cannot count it;"
                        + " correct those rows in the assistant's database first"));
            }
            queries.unknownLabels("category", AdoptionQueries.KNOWN_CATEGORIES)
                    .forEach(label -> unknown.add("category: " + label));
            queries.orphanFeedback().forEach(orphan -> blocks.add("orphan " + orphan));
            List<String> duplicates = applied.contains("6") ? List.of() : queries.duplicateFeedback(superseded);
            if (!duplicates.isEmpty()) {
                if (resolveDuplicates) {
                    duplicates.forEach(d -> changes.add("duplicate (expert query_id) " + d
                            + ": the older rows marked superseded by the newest (kept, out of metrics)"));
                } else {
                    duplicates.forEach(d -> blocks.add("duplicate (expert query_id) " + d
                            + ": V6's unique rule would fail; ./efs adopt marks the older rows superseded"));
                }
            }
        }
        if (queries.tableExists("expert_generated_tasks")) {
            exists.add("expert_generated_tasks: " + queries.count("expert_generated_tasks") + " rows (left untouched)");
        }
        if (!history) {
            AdoptionQueries.OUR_OWN_TABLES.stream().filter(queries::tableExists).forEach(table -> blocks.add(
                    "table " + table + " exists but no Flyway history says we made it: a conflicting object"));
        }
        return new AdoptionReport(List.copyOf(exists), List.copyOf(changes), List.copyOf(unknown), List.copyOf(blocks));
    }
}
