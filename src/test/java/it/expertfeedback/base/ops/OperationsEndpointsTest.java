package it.expertfeedback.base.ops;

import static org.assertj.core.api.Assertions.assertThat;

import it.expertfeedback.support.Api;
import it.expertfeedback.support.IntegrationTest;
import it.expertfeedback.support.TestUsers;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operator's endpoints over real HTTP (DOMAIN.md §10): the health contract with its liveness and readiness
 * groups, and Prometheus metrics for an ADMIN only, with our own counters moving as feedback and decisions commit.
 */
@IntegrationTest
class OperationsEndpointsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    TestUsers testUsers;

    @Autowired
    JdbcTemplate jdbc;

    Api api;
    String admin;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        admin = api.token(testUsers.create("ADMIN").email(), TestUsers.PASSWORD);
    }

    @Test
    void health_keeps_its_exact_body_and_the_liveness_and_readiness_groups_answer() {
        Api.Response health = api.get("/actuator/health", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("{\"status\":\"UP\"}");

        Api.Response liveness = api.get("/actuator/health/liveness", null);
        assertThat(liveness.status()).isEqualTo(200);
        assertThat(liveness.body()).isEqualTo("{\"status\":\"UP\"}");
        Api.Response readiness = api.get("/actuator/health/readiness", null);
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.body()).isEqualTo("{\"status\":\"UP\"}");

        assertThat(api.get("/actuator/health/no-such-group", null).status()).isEqualTo(404);
    }

    @Test
    void prometheus_is_refused_to_anonymous_and_non_admin_callers() {
        Api.Response anonymous = api.get("/actuator/prometheus", null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.body()).doesNotContain("jvm_");

        String expert = api.token(testUsers.createVerifiedExpert().email(), TestUsers.PASSWORD);
        Api.Response refused = api.get("/actuator/prometheus", expert);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).doesNotContain("jvm_");

        String reviewer = api.token(testUsers.create("REVIEWER").email(), TestUsers.PASSWORD);
        assertThat(api.get("/actuator/prometheus", reviewer).status()).isEqualTo(403);
        assertThat(api.get("/actuator/prometheus", "not-a-token").status()).isEqualTo(401);
    }

    @Test
    void an_admin_reads_http_jvm_pool_and_our_metrics_and_ours_follow_committed_changes() {
        String before = scrape();
        assertThat(before)
                .contains("http_server_requests_seconds_count")
                .contains("jvm_memory_used_bytes")
                .contains("hikaricp_connections_active")
                .contains("efs_feedback_submissions_total")
                .contains("efs_faq_decisions_total{")
                .contains("efs_faq_queue_length")
                .contains("efs_analytics_compaction_runs_total");

        long pending = jdbc.queryForObject(
                "select count(*) from expert_faq_candidates where approval_status = 'pending'", Long.class);
        assertThat(value(before, "efs_faq_queue_length")).isEqualTo(pending);

        // One submission that creates a candidate, one rejected duplicate (rolled back: not counted), one decision.
        String expert = api.token(testUsers.createVerifiedExpert().email(), TestUsers.PASSWORD);
        String queryId = UUID.randomUUID().toString();
        String submission = JSON.createObjectNode().put("query_id", queryId).put("feedback_type", "correct")
                .put("query_text", "Metriche: una domanda nuova " + UUID.randomUUID())
                .put("original_answer", "Una risposta corretta.").put("confidence_score", 0.5)
                .put("time_spent_seconds", 60).put("suggested_category", "IVA").toString();
        Api.Response submitted = api.post("/api/v1/expert-feedback/submit", expert, submission);
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        // The client's retry of the same submission is answered with the first result and counts nothing new.
        assertThat(api.post("/api/v1/expert-feedback/submit", expert, submission).status()).isEqualTo(200);
        String candidate = jdbc.queryForObject(
                "select candidate_id::text from expert_faq_candidate_feedback where feedback_id = ?::uuid", String.class,
                submitted.json().get("feedback_id").asString());

        String afterSubmission = scrape();
        assertThat(value(afterSubmission, "efs_feedback_submissions_total"))
                .isEqualTo(value(before, "efs_feedback_submissions_total") + 1);
        long queueNow = jdbc.queryForObject(
                "select count(*) from expert_faq_candidates where approval_status = 'pending'", Long.class);
        assertThat(value(afterSubmission, "efs_faq_queue_length")).isEqualTo(queueNow);

        String reviewer = api.token(testUsers.create("REVIEWER").email(), TestUsers.PASSWORD);
        assertThat(api.post("/api/v1/faq/candidates/" + candidate + "/reject", reviewer, "{\"reason\": \"non serve\"}")
                .status()).isEqualTo(200);
        String afterDecision = scrape();
        String rejected = "efs_faq_decisions_total{application=\"expert-feedback-system\",decision=\"rejected\"}";
        assertThat(value(afterDecision, rejected)).isEqualTo(value(before, rejected) + 1);
        assertThat(value(afterDecision, "efs_faq_queue_length")).isEqualTo(queueNow - 1);
    }

    private String scrape() {
        Api.Response response = api.get("/actuator/prometheus", admin);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/plain");
        return response.body();
    }

    /** The value of the one series that starts with this name (and, when given, these labels). */
    private static long value(String scrape, String series) {
        String name = series.contains("{") ? Pattern.quote(series) : Pattern.quote(series) + "(?:\\{[^}]*\\})?";
        Matcher matcher = Pattern.compile("(?m)^" + name + " (\\S+)$").matcher(scrape);
        assertThat(matcher.find()).as("series " + series + " in\n" + scrape).isTrue();
        long value = (long) Double.parseDouble(matcher.group(1));
        assertThat(matcher.find()).as("only one series " + series).isFalse();
        return value;
    }
}
