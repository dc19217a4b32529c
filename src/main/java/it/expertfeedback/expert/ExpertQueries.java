package it.expertfeedback.expert;

import it.expertfeedback.base.sql.Where;
import it.expertfeedback.base.validation.TextRules;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The expert feature's read queries in SQL: the filtered, sorted, paged directory, find-by-trust (written so
 * PostgreSQL can use the seed's indexes) and the trust history. Only ExpertService calls it. Account names come
 * from security's published view {@code account_names} (V13).
 */
@Component
class ExpertQueries {

    /** Grid sort keys and the only SQL each may become: no caller text ever reaches ORDER BY. */
    private static final Map<String, String> SORT_COLUMNS = Map.of(
            "displayName", "u.display_name",
            "email", "u.email",
            "organization", "e.organization",
            "city", "e.location_city",
            "experienceYears", "e.experience_years",
            "trustScore", "e.trust_score",
            "feedbackCount", "e.feedback_count",
            "accuracyRate", "e.feedback_accuracy_rate",
            "verified", "e.is_verified",
            "active", "e.is_active");

    private static final String ROW_SELECT = """
            select e.id, e.user_id, u.display_name, u.email, e.organization, e.location_city,
                   e.credential_types::text[] as credential_types, e.specializations, e.experience_years,
                   e.trust_score, e.is_verified, e.is_active, e.feedback_count, e.feedback_accuracy_rate
            from expert_profiles e join account_names u on u.user_id = e.user_id""";

    private static final RowMapper<ExpertRow> ROW = (rs, n) -> new ExpertRow(rs.getObject("id", UUID.class),
            rs.getInt("user_id"), rs.getString("display_name"), rs.getString("email"), rs.getString("organization"),
            rs.getString("location_city"),
            texts(rs, "credential_types").stream().flatMap(code -> CredentialType.parse(code).stream()).toList(),
            texts(rs, "specializations"), rs.getInt("experience_years"), rs.getDouble("trust_score"),
            rs.getBoolean("is_verified"), rs.getBoolean("is_active"), rs.getInt("feedback_count"),
            rs.getDouble("feedback_accuracy_rate"),
            texts(rs, "credential_types").stream().filter(code -> CredentialType.parse(code).isEmpty()).toList());

    private final JdbcClient jdbc;

    ExpertQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<ExpertRow> find(ExpertFilter filter, Sort sort, long offset, int limit) {
        Where where = where(filter);
        return jdbc.sql(ROW_SELECT + where.sql() + orderBy(sort) + " limit :limit offset :offset")
                .params(where.params()).param("limit", limit).param("offset", offset)
                .query(ROW).list();
    }

    long count(ExpertFilter filter) {
        Where where = where(filter);
        return jdbc.sql("select count(*) from expert_profiles e join account_names u on u.user_id = e.user_id" + where.sql())
                .params(where.params()).query(Long.class).single();
    }

    /**
     * Active, verified experts by trust, best first. The WHERE and ORDER BY match idx_expert_profiles_active,
     * idx_expert_profiles_trust_score and (with a specialization) the GIN idx_expert_profiles_specializations.
     */
    List<ExpertRow> findByTrust(String specialization, int limit) {
        String sql = ROW_SELECT + " where e.is_active = true and e.is_verified = true"
                + (specialization == null ? "" : " and e.specializations @> array[cast(:specialization as text)]")
                + " order by e.trust_score desc, e.id limit :limit";
        var spec = jdbc.sql(sql).param("limit", limit);
        if (specialization != null) {
            spec = spec.param("specialization", specialization);
        }
        return spec.query(ROW).list();
    }

    /** The plan PostgreSQL chooses for {@link #findByTrust}, for tests and the benchmark. */
    String explainFindByTrust(String specialization) {
        String sql = "explain select e.id from expert_profiles e where e.is_active = true and e.is_verified = true"
                + (specialization == null ? "" : " and e.specializations @> array[cast(:specialization as text)]")
                + " order by e.trust_score desc limit 10";
        var spec = jdbc.sql(sql);
        if (specialization != null) {
            spec = spec.param("specialization", specialization);
        }
        return String.join("\n", spec.query(String.class).list());
    }

    List<String> allSpecializations() {
        return jdbc.sql("select distinct s from expert_profiles, unnest(specializations) s order by s")
                .query(String.class).list();
    }

    List<TrustHistoryEntry> history(UUID expertId, int limit) {
        return jdbc.sql("""
                        select computed_at, trust_score, credentials, experience, track_record, responsiveness, breadth, reason
                        from expert_trust_history where expert_id = :id order by computed_at desc, id desc limit :limit""")
                .param("id", expertId).param("limit", limit)
                .query((rs, n) -> new TrustHistoryEntry(rs.getTimestamp("computed_at").toInstant(),
                        rs.getDouble("trust_score"), rs.getDouble("credentials"), rs.getDouble("experience"),
                        rs.getDouble("track_record"), rs.getDouble("responsiveness"), rs.getDouble("breadth"),
                        rs.getString("reason")))
                .list();
    }

    Double lastHistoryScore(UUID expertId) {
        return jdbc.sql("select trust_score from expert_trust_history where expert_id = :id order by computed_at desc, id desc limit 1")
                .param("id", expertId).query(Double.class).optional().orElse(null);
    }

    void appendHistory(UUID expertId, Timestamp at, TrustScore.Breakdown trust, String reason) {
        jdbc.sql("""
                        insert into expert_trust_history (expert_id, computed_at, trust_score, credentials, experience,
                                                          track_record, responsiveness, breadth, reason)
                        values (:id, :at, :total, :c, :e, :p, :r, :s, :reason)""")
                .param("id", expertId).param("at", at).param("total", trust.total())
                .param("c", trust.credentials()).param("e", trust.experience()).param("p", trust.trackRecord())
                .param("r", trust.responsiveness()).param("s", trust.breadth()).param("reason", reason)
                .update();
    }

    private static Where where(ExpertFilter filter) {
        return Where.where()
                .andIfText(filter.text(), "(u.display_name ilike :text or u.email ilike :text or e.organization ilike :text"
                        + " or e.location_city ilike :text)", "text")
                .andIfPresent(filter.credentialType(), "e.credential_types @> :credentialType", "credentialType",
                        type -> Where.untyped("{" + type.code() + "}"))
                .andIfPresent(TextRules.clean(filter.specialization()), "e.specializations @> array[cast(:specialization as text)]",
                        "specialization")
                .andIfPresent(filter.verified(), "e.is_verified = :verified", "verified")
                .andIfPresent(filter.active(), "e.is_active = :active", "active")
                .andIfPresent(filter.minTrust(), "e.trust_score >= :minTrust", "minTrust");
    }

    /** Trust descending unless asked otherwise; the id last so pages never overlap. */
    private static String orderBy(Sort sort) {
        List<String> parts = new ArrayList<>();
        for (Sort.Order order : sort) {
            String column = SORT_COLUMNS.get(order.getProperty());
            if (column != null) {
                parts.add(column + (order.isAscending() ? " asc" : " desc") + " nulls last");
            }
        }
        if (parts.isEmpty()) {
            parts.add("e.trust_score desc");
        }
        parts.add("e.id");
        return " order by " + String.join(", ", parts);
    }

    private static List<String> texts(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
