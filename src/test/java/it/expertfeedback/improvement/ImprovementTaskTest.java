package it.expertfeedback.improvement;

import static org.assertj.core.api.Assertions.assertThat;

import it.expertfeedback.support.Api;
import it.expertfeedback.support.IntegrationTest;
import it.expertfeedback.support.TestUsers;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Improvement tasks over real HTTP (DOMAIN.md §9): numbering under concurrency, the reviewers' workflow, CSV. */
@IntegrationTest
class ImprovementTaskTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    TestUsers testUsers;

    @Autowired
    JdbcTemplate jdbc;

    Api api;
    String reviewer;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        reviewer = api.token(testUsers.create("REVIEWER").email(), TestUsers.PASSWORD);
    }

    static String incomplete(String details) {
        ObjectNode body = JSON.createObjectNode();
        body.put("query_id", UUID.randomUUID().toString());
        body.put("feedback_type", "incomplete");
        body.put("category", "caso_mancante");
        body.put("query_text", "Come si applica il regime forfettario ai redditi di lavoro dipendente? " + UUID.randomUUID());
        body.put("original_answer", "Il regime forfettario si applica a tutti i contribuenti.");
        body.put("confidence_score", 0.7);
        body.put("time_spent_seconds", 120);
        body.put("additional_details", details);
        return body.toString();
    }

    private static int number(String taskId) {
        assertThat(taskId).matches("QUERY-\\d{4,}");
        return Integer.parseInt(taskId.substring("QUERY-".length()));
    }

    @Test
    void twenty_concurrent_submissions_get_twenty_distinct_sequential_task_ids_each_linked() throws Exception {
        int count = 20;
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            tokens.add(api.token(testUsers.createVerifiedExpert().email(), TestUsers.PASSWORD));
        }
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Api.Response>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(count)) {
            for (String token : tokens) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return api.post("/api/v1/expert-feedback/submit", token, incomplete("Manca il limite dei 30.000 euro."));
                }));
            }
            start.countDown();
            List<Integer> numbers = new ArrayList<>();
            for (Future<Api.Response> future : futures) {
                Api.Response response = future.get();
                assertThat(response.status()).as(response.body()).isEqualTo(201);
                String taskId = response.json().get("generated_task_id").asString();
                String feedbackId = response.json().get("feedback_id").asString();
                numbers.add(number(taskId));
                // Linked both ways: the task names the feedback, the feedback names the task.
                assertThat(jdbc.queryForObject("select feedback_id::text from expert_generated_tasks where task_id = ?",
                        String.class, taskId)).isEqualTo(feedbackId);
                assertThat(jdbc.queryForObject("select generated_task_id from expert_feedback where id = ?::uuid",
                        String.class, feedbackId)).isEqualTo(taskId);
            }
            assertThat(numbers).doesNotHaveDuplicates().hasSize(count);
            assertThat(numbers).allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(8));
            assertThat(numbers.stream().mapToInt(Integer::intValue).max().orElseThrow()
                    - numbers.stream().mapToInt(Integer::intValue).min().orElseThrow())
                    .as("sequential: no gaps between them").isEqualTo(count - 1);
        }
    }

    @Test
    void numbering_starts_at_0008_after_the_originals_reserved_tasks() {
        assertThat(jdbc.queryForObject(
                "select start_value from pg_sequences where sequencename = 'expert_generated_task_number'", Long.class))
                .isEqualTo(8);
    }

    @Test
    void reviewers_move_a_task_to_applied_which_marks_the_feedback_improved() {
        String expert = api.token(testUsers.createVerifiedExpert().email(), TestUsers.PASSWORD);
        Api.Response submitted = api.post("/api/v1/expert-feedback/submit", expert, incomplete("Manca il caso misto."));
        String taskId = submitted.json().get("generated_task_id").asString();
        String feedbackId = submitted.json().get("feedback_id").asString();

        Api.Response open = api.get("/api/v1/improvement-tasks?status=open&category=caso_mancante&limit=500", reviewer);
        assertThat(open.status()).as(open.body()).isEqualTo(200);
        assertThat(open.json().get("total_count").asLong()).isPositive();
        JsonNode listed = find(open.json().get("items"), taskId);
        assertThat(listed.get("feedback_id").asString()).isEqualTo(feedbackId);
        assertThat(listed.get("status").asString()).isEqualTo("open");
        assertThat(listed.get("additional_details").asString()).isEqualTo("Manca il caso misto.");
        assertThat(listed.get("category").asString()).isEqualTo("caso_mancante");
        assertThat(api.get("/api/v1/improvement-tasks?status=open&older_than_days=1&limit=500", reviewer).body())
                .as("created just now: not older than a day").doesNotContain(taskId);

        assertThat(api.get("/api/v1/improvement-tasks", expert).status()).as("experts do not work tasks").isEqualTo(403);

        Api.Response started = api.post("/api/v1/improvement-tasks/" + taskId + "/status", reviewer,
                "{\"status\": \"in_progress\"}");
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        assertThat(started.json().get("status").asString()).isEqualTo("in_progress");
        assertThat(improvementApplied(feedbackId)).isFalse();

        Api.Response applied = api.post("/api/v1/improvement-tasks/" + taskId + "/status", reviewer,
                "{\"status\": \"applied\", \"note\": \"Risposta aggiornata.\"}");
        assertThat(applied.status()).as(applied.body()).isEqualTo(200);
        assertThat(applied.json().get("resolution_note").asString()).isEqualTo("Risposta aggiornata.");
        assertThat(improvementApplied(feedbackId)).as("the analytics backlog counts it as done").isTrue();

        Api.Response reopened = api.post("/api/v1/improvement-tasks/" + taskId + "/status", reviewer,
                "{\"status\": \"in_progress\"}");
        assertThat(reopened.status()).as("applied is final").isEqualTo(409);
        assertThat(reopened.contentType()).startsWith("application/problem+json");
    }

    @Test
    void wont_fix_needs_a_note_and_leaves_the_feedback_unimproved() {
        String expert = api.token(testUsers.createVerifiedExpert().email(), TestUsers.PASSWORD);
        Api.Response submitted = api.post("/api/v1/expert-feedback/submit", expert, incomplete("Dettaglio superfluo."));
        String taskId = submitted.json().get("generated_task_id").asString();

        Api.Response withoutNote = api.post("/api/v1/improvement-tasks/" + taskId + "/status", reviewer,
                "{\"status\": \"wont_fix\"}");
        assertThat(withoutNote.status()).isEqualTo(422);
        assertThat(withoutNote.json().get("errors").has("note")).isTrue();

        Api.Response closed = api.post("/api/v1/improvement-tasks/" + taskId + "/status", reviewer,
                "{\"status\": \"wont_fix\", \"note\": \"Fuori dal perimetro.\"}");
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        assertThat(improvementApplied(submitted.json().get("feedback_id").asString())).isFalse();
        assertThat(api.post("/api/v1/improvement-tasks/QUERY-99999999/status", reviewer, "{\"status\": \"applied\"}")
                .status()).isEqualTo(404);
        assertThat(api.post("/api/v1/improvement-tasks/" + taskId + "/status", reviewer, "{\"status\": \"done\"}")
                .status()).isEqualTo(422);
    }

    @Test
    void the_csv_export_lists_the_filtered_tasks() {
        String expert = api.token(testUsers.createVerifiedExpert().email(), TestUsers.PASSWORD);
        String taskId = api.post("/api/v1/expert-feedback/submit", expert, incomplete("Manca; il \"caso\" misto."))
                .json().get("generated_task_id").asString();

        Api.Response csv = api.get("/api/v1/improvement-tasks/export.csv?status=open", reviewer);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).startsWith("\uFEFFtask_id;task_name;status;");
        String line = csv.body().lines().filter(l -> l.startsWith(taskId + ";")).findFirst().orElseThrow();
        assertThat(line).contains(";open;").contains("\"Manca; il \"\"caso\"\" misto.\"");
    }

    private boolean improvementApplied(String feedbackId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select improvement_applied from expert_feedback where id = ?::uuid", Boolean.class, feedbackId));
    }

    private static JsonNode find(JsonNode items, String taskId) {
        for (JsonNode item : items) {
            if (item.get("task_id").asString().equals(taskId)) {
                return item;
            }
        }
        throw new AssertionError(taskId + " not listed");
    }
}
