package it.expertfeedback.expert;

import static org.assertj.core.api.Assertions.assertThat;

import it.expertfeedback.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "Find experts by trust" must be served by the seed's indexes. The demo table is small enough that a
 * sequential scan would be cheaper, so the test forbids it for the transaction and checks which index
 * PostgreSQL then picks (the benchmark measures the real plan on a year-1 volume).
 */
@IntegrationTest
class FindByTrustPlanTest {

    @Autowired
    ExpertQueries queries;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void without_a_specialization_the_trust_or_activity_index_is_used() {
        String plan = planWithoutSeqScan(null);
        assertThat(plan).containsAnyOf("idx_expert_profiles_trust_score", "idx_expert_profiles_active");
        assertThat(plan).doesNotContain("Seq Scan");
    }

    @Test
    void with_a_specialization_a_seed_index_is_used() {
        String plan = planWithoutSeqScan("IVA");
        assertThat(plan).containsAnyOf("idx_expert_profiles_specializations", "idx_expert_profiles_trust_score",
                "idx_expert_profiles_active");
        assertThat(plan).doesNotContain("Seq Scan");
    }

    private String planWithoutSeqScan(String specialization) {
        return transaction.execute(status -> {
            jdbc.execute("set local enable_seqscan = off");
            return queries.explainFindByTrust(specialization);
        });
    }
}
