package it.expertfeedback.faq;

import static org.assertj.core.api.Assertions.assertThat;

import it.expertfeedback.support.Api;
import it.expertfeedback.support.IntegrationTest;
import it.expertfeedback.support.TestUsers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The golden set and FAQ decisions over real HTTP. */
@IntegrationTest
class FaqApiTest {

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

    private UUID pendingCandidate(TestUsers.Created expert, String question) {
        String token = api.token(expert.email(), TestUsers.PASSWORD);
        Api.Response submitted = api.post("/api/v1/expert-feedback/submit", token, JSON.createObjectNode()
                .put("query_id", UUID.randomUUID().toString()).put("feedback_type", "correct")
                .put("query_text", question).put("original_answer", "Risposta; con \"virgolette\", e a capo\nseconda riga")
                .put("confidence_score", 0.5).put("time_spent_seconds", 60).put("suggested_category", "IVA").toString());
        // generated_faq_id stays null until approval (§9): the pending candidate is found through its link.
        return jdbc.queryForObject("select candidate_id from expert_faq_candidate_feedback where feedback_id = ?::uuid",
                UUID.class, submitted.json().get("feedback_id").asString());
    }

    @Test
    void reviewers_decide_experts_get_403_reasons_are_required_and_own_candidates_are_refused() {
        TestUsers.Created expert = testUsers.createVerifiedExpert();
        UUID candidate = pendingCandidate(expert, "API decisione " + UUID.randomUUID());
        String expertToken = api.token(expert.email(), TestUsers.PASSWORD);
        assertThat(api.post("/api/v1/faq/candidates/" + candidate + "/approve", expertToken, "{}").status()).isEqualTo(403);
        String otherExpert = api.token(testUsers.createVerifiedExpert().email(), TestUsers.PASSWORD);
        assertThat(api.post("/api/v1/faq/candidates/" + candidate + "/approve", otherExpert, "{}").status()).isEqualTo(403);

        Api.Response noReason = api.post("/api/v1/faq/candidates/" + candidate + "/reject", reviewer, "{\"reason\": \" \"}");
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.json().get("errors").has("reason")).isTrue();

        Api.Response stale = api.post("/api/v1/faq/candidates/" + candidate + "/approve", reviewer, "{\"version\": 99}");
        assertThat(stale.status()).isEqualTo(409);
        Api.Response approved = api.post("/api/v1/faq/candidates/" + candidate + "/approve", reviewer, "{}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().get("approval_status").asString()).isEqualTo("approved");
        assertThat(api.post("/api/v1/faq/candidates/" + candidate + "/reject", reviewer, "{\"reason\": \"tardi\"}").status())
                .isEqualTo(409);

        // An expert who also reviews: their own candidate is refused with 403.
        TestUsers.Created both = testUsers.createVerifiedExpert();
        jdbc.update("insert into user_role (user_id, role) values (?, 'REVIEWER')", both.id());
        UUID own = pendingCandidate(both, "API propria " + UUID.randomUUID());
        String bothToken = api.token(both.email(), TestUsers.PASSWORD);
        assertThat(api.post("/api/v1/faq/candidates/" + own + "/approve", bothToken, "{}").status()).isEqualTo(403);
    }

    @Test
    void updated_since_and_both_exports_hold_the_same_approved_rows() throws Exception {
        UUID early = pendingCandidate(testUsers.createVerifiedExpert(), "Export prima " + UUID.randomUUID());
        UUID late = pendingCandidate(testUsers.createVerifiedExpert(), "Export dopo; \"citata\" " + UUID.randomUUID());
        api.post("/api/v1/faq/candidates/" + early + "/approve", reviewer, "{}");
        Thread.sleep(20);
        String since = java.time.Instant.now().toString();
        Thread.sleep(20);
        api.post("/api/v1/faq/candidates/" + late + "/approve", reviewer, "{}");

        Api.Response page = api.get("/api/v1/faq?updated_since=" + since + "&limit=500", reviewer);
        assertThat(page.status()).isEqualTo(200);
        Set<String> ids = new java.util.HashSet<>();
        page.json().get("items").forEach(item -> ids.add(item.get("id").asString()));
        assertThat(ids).contains(late.toString()).doesNotContain(early.toString());
        assertThat(page.json().get("total_count").asLong()).isEqualTo(ids.size());
        assertThat(api.get("/api/v1/faq?updated_since=ieri", reviewer).status()).isEqualTo(422);

        String jsonl = download("/api/v1/faq/export.jsonl?updated_since=" + since);
        List<JsonNode> lines = jsonl.lines().map(JSON::readTree).toList();
        assertThat(lines.stream().map(n -> n.get("id").asString()).collect(Collectors.toSet())).isEqualTo(ids);

        String csv = download("/api/v1/faq/export.csv?updated_since=" + since);
        assertThat(csv).startsWith("\uFEFF");
        List<List<String>> records = parseCsv(csv.substring(1));
        assertThat(records.getFirst()).containsExactly("id", "question", "answer", "suggested_category", "suggested_tags",
                "regulatory_references", "approved_at", "updated_at", "status", "version");
        List<List<String>> rows = records.subList(1, records.size());
        assertThat(rows.stream().map(r -> r.get(0)).collect(Collectors.toSet())).isEqualTo(ids);
        List<String> lateRow = rows.stream().filter(r -> r.get(0).equals(late.toString())).findFirst().orElseThrow();
        assertThat(lateRow).hasSize(10);
        assertThat(lateRow.subList(8, 10)).containsExactly("approved", "1");
        assertThat(lateRow.get(1)).startsWith("Export dopo; \"citata\" ");
        assertThat(lateRow.get(2)).isEqualTo("Risposta; con \"virgolette\", e a capo\nseconda riga");
    }

    private String download(String path) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + path)).header("Authorization", "Bearer " + reviewer).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    /** A strict RFC 4180 reader with ';' separators, as a spreadsheet reads the file. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ';') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\n') {
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        return records;
    }
}
