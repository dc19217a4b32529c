package it.expertfeedback.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import it.expertfeedback.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The demo dataset as the seeder writes it through {@link CopyWriter}: every table it fills holds what the
 * rules of DOMAIN.md §3 say (other tests add rows of their own, so these are invariants, not exact totals).
 */
@IntegrationTest
class DemoDatasetTest {

    private static final String DEMO_PROFILES = """
            select p.id from expert_profiles p join "user" u on u.id = p.user_id where u.email like 'esperto%@efs.local'""";

    @Autowired
    JdbcTemplate jdbc;

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    @Test
    void the_seeded_rows_are_complete_and_consistent() {
        assertThat(count("select count(*) from (" + DEMO_PROFILES + ") demo")).isEqualTo(DemoDataset.EXPERTS);
        assertThat(count("select count(*) from expert_feedback where expert_id in (" + DEMO_PROFILES + ")"))
                .isGreaterThanOrEqualTo(DemoDataset.FEEDBACK);
        // The stored metrics are the ones the rows give (what a recompute writes).
        assertThat(count("""
                select count(*) from expert_profiles p where p.id in (%s)
                  and p.feedback_count <> (select count(*) from expert_feedback f where f.expert_id = p.id)""".formatted(DEMO_PROFILES)))
                .isZero();
        assertThat(count("""
                select count(*) from expert_profiles p where p.id in (%s)
                  and not exists (select 1 from expert_trust_history h where h.expert_id = p.id and h.trust_score = p.trust_score)"""
                .formatted(DEMO_PROFILES))).isZero();
        // Arrays and enum arrays arrive as arrays, not as one quoted string.
        assertThat(count("select count(*) from expert_profiles where id in (" + DEMO_PROFILES + ") and cardinality(credential_types) >= 1"))
                .isEqualTo(DemoDataset.EXPERTS);
        // Only judged feedback names a reviewer; every demo candidate is linked to the feedback behind it.
        assertThat(count("select count(*) from expert_feedback where (review_verdict is null) <> (reviewed_by is null)")).isZero();
        long candidates = count("select count(*) from expert_faq_candidates where expert_id in (" + DEMO_PROFILES + ")");
        assertThat(candidates).isPositive();
        assertThat(count("""
                select count(*) from expert_faq_candidates c where c.expert_id in (%s)
                  and not exists (select 1 from expert_faq_candidate_feedback l where l.candidate_id = c.id)""".formatted(DEMO_PROFILES)))
                .isZero();
        assertThat(count("""
                select count(*) from expert_faq_candidates c where c.expert_id in (%s)
                  and (c.approval_status = 'pending') <> (c.approved_at is null)""".formatted(DEMO_PROFILES))).isZero();
    }
}
