package it.expertfeedback.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import it.expertfeedback.support.IntegrationTest;
import it.expertfeedback.support.TestUsers;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * "Has this expert judged this query?" is asked by every claim for every candidate slot it considers (also the ones
 * other claimers hold locked), so it must be one index-only lookup whatever the expert's history (V27): before, the
 * view could not use the partial unique index and read the query's (or the expert's) feedback rows from the table.
 */
@IntegrationTest
class JudgedQueriesPlanTest {

    @Autowired
    TestUsers users;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void an_expert_with_a_long_history_is_probed_along_the_unique_index_in_a_few_buffers() {
        TestUsers.Created expert = InboxFixtures.expert(users, jdbc, "iva");
        UUID expertId = jdbc.queryForObject("select id from expert_profiles where user_id = ?", UUID.class, expert.id());
        jdbc.update("""
                insert into expert_feedback (query_id, expert_id, feedback_type, query_text, original_answer,
                                             time_spent_seconds, feedback_timestamp)
                select gen_random_uuid(), ?, 'correct', 'Domanda storica n. ' || g, 'Risposta.', 60,
                       now() - g * interval '1 hour'
                from generate_series(1, 300) g""", expertId);
        UUID judged = jdbc.queryForObject("select query_id from expert_feedback where expert_id = ? limit 1", UUID.class,
                expertId);
        jdbc.execute("analyze expert_feedback");

        JsonNode judgedPlan = plan(expertId, judged);
        JsonNode notJudgedPlan = plan(expertId, UUID.randomUUID());

        for (JsonNode plan : new JsonNode[] {judgedPlan, notJudgedPlan}) {
            assertThat(plan.toString()).as(plan.toString()).contains("uq_expert_feedback_expert_query");
            assertThat(plan.get("Shared Hit Blocks").asInt() + plan.get("Shared Read Blocks").asInt())
                    .as("buffers for one probe, not one per feedback of the expert: " + plan).isLessThanOrEqualTo(6);
        }
        assertThat(judgedPlan.get("Actual Rows").asInt()).isEqualTo(1);
        assertThat(notJudgedPlan.get("Actual Rows").asInt()).isZero();
    }

    private JsonNode plan(UUID expertId, UUID queryId) {
        String json = transaction.execute(status -> jdbc.queryForObject("""
                explain (analyze, buffers, format json)
                select 1 from feedback_judged_queries f where f.expert_id = ? and f.query_id = ?""", String.class,
                expertId, queryId));
        return JsonMapper.builder().build().readTree(json).get(0).get("Plan");
    }
}
