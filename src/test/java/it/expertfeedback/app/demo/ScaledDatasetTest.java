package it.expertfeedback.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import it.expertfeedback.expert.CredentialType;
import it.expertfeedback.expert.TrustScore;
import it.expertfeedback.support.TestDatabase;
import java.sql.Array;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** The synthetic generator at 1×, on a database of its own: counts, constraints, metrics as §3 computes them. */
class ScaledDatasetTest {

    @Test
    void one_times_year_one_volume_with_consistent_metrics() {
        String url = TestDatabase.freshDatabaseUrl("scaled");
        Flyway.configure().dataSource(url, "postgres", "postgres").locations("classpath:db/migration").load().migrate();
        DriverManagerDataSource dataSource = new DriverManagerDataSource(url, "postgres", "postgres");
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);

        ScaledDataset.Result result = new ScaledDataset(dataSource, new BCryptPasswordEncoder(4), Clock.systemUTC())
                .generate(1, 42);
        System.out.printf("ScaledDataset x1: %d feedback in %d ms%n", result.feedback(), result.took().toMillis());

        assertThat(jdbc.queryForList("select r.role from user_role r join \"user\" u on u.id = r.user_id where u.id = ? and u.email = ?",
                String.class, result.reviewerId(), result.reviewerEmail())).containsExactly("REVIEWER");
        assertThat(count(jdbc, "expert_profiles")).isEqualTo(100);
        assertThat(count(jdbc, "expert_feedback")).isEqualTo(10_000);
        assertThat(count(jdbc, "expert_faq_candidates")).isEqualTo(1_000);
        assertThat(count(jdbc, "expert_faq_candidate_feedback")).isEqualTo(1_000);
        assertThat(jdbc.queryForObject("select count(distinct feedback_type) from expert_feedback", Integer.class)).isEqualTo(3);
        assertThat(jdbc.queryForObject("select count(distinct category) from expert_feedback", Integer.class)).isEqualTo(5);
        assertThat(jdbc.queryForObject("select count(distinct approval_status) from expert_faq_candidates", Integer.class)).isEqualTo(3);
        // The analytics rollups (V10) took in the whole COPY.
        assertThat(jdbc.queryForObject("select sum(feedback) from analytics_feedback_daily", Long.class)).isEqualTo(10_000);
        assertThat(jdbc.queryForObject("select sum(feedback_to_day[366]) from analytics_expert_activity", Long.class))
                .isEqualTo(10_000);
        // Only active, verified experts submit.
        assertThat(jdbc.queryForObject("""
                select count(*) from expert_feedback f join expert_profiles e on e.id = f.expert_id
                where not (e.is_active and e.is_verified)""", Integer.class)).isZero();

        // Every profile's metrics and trust are what the recompute derives from its rows.
        List<Map<String, Object>> profiles = jdbc.queryForList("""
                select e.is_verified, e.credential_types::text[] as types, e.experience_years,
                       cardinality(e.specializations) as specs, e.feedback_count, e.average_response_time_seconds,
                       e.feedback_accuracy_rate, e.trust_score,
                       count(f.id) as n, count(f.review_verdict) as judged,
                       count(f.id) filter (where f.review_verdict = 'upheld') as upheld,
                       coalesce(round(avg(f.time_spent_seconds)), 0) as avg_time
                from expert_profiles e left join expert_feedback f on f.expert_id = e.id
                group by e.id""");
        assertThat(profiles).hasSize(100);
        for (Map<String, Object> p : profiles) {
            int n = ((Number) p.get("n")).intValue();
            int judged = ((Number) p.get("judged")).intValue();
            int upheld = ((Number) p.get("upheld")).intValue();
            int average = ((Number) p.get("avg_time")).intValue();
            assertThat(p.get("feedback_count")).isEqualTo(n);
            assertThat(p.get("average_response_time_seconds")).isEqualTo(average);
            assertThat((Double) p.get("feedback_accuracy_rate")).isEqualTo(TrustScore.accuracyRate(judged, upheld));
            List<CredentialType> types = Arrays.stream(strings(p.get("types"))).map(CredentialType::fromCode).toList();
            double trust = TrustScore.compute(new TrustScore.Inputs((Boolean) p.get("is_verified"), types,
                    (Integer) p.get("experience_years"), judged, upheld, n, average, ((Number) p.get("specs")).intValue())).total();
            assertThat((Double) p.get("trust_score")).isEqualTo(trust);
        }
    }

    private static long count(JdbcTemplate jdbc, String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    private static String[] strings(Object sqlArray) {
        try {
            return (String[]) ((Array) sqlArray).getArray();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
