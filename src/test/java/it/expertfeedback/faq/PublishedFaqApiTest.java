package it.expertfeedback.faq;

import static org.assertj.core.api.Assertions.assertThat;

import it.expertfeedback.support.Api;
import it.expertfeedback.support.IntegrationTest;
import it.expertfeedback.support.TestUsers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A published FAQ's life over real HTTP (DOMAIN.md §5): edit as version 2 with history, retire, sync reports both. */
@IntegrationTest
class PublishedFaqApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    TestUsers testUsers;

    @Autowired
    JdbcTemplate jdbc;

    Api api;
    String reviewer;
    int reviewerId;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        TestUsers.Created created = testUsers.create("REVIEWER");
        reviewer = api.token(created.email(), TestUsers.PASSWORD);
        reviewerId = jdbc.queryForObject("select id from \"user\" where email = ?", Integer.class, created.email());
    }

    private UUID published(String question) {
        return published(question, "Aliquota al 10%.");
    }

    private UUID published(String question, String answer) {
        String token = api.token(testUsers.createVerifiedExpert().email(), TestUsers.PASSWORD);
        Api.Response submitted = api.post("/api/v1/expert-feedback/submit", token, JSON.createObjectNode()
                .put("query_id", UUID.randomUUID().toString()).put("feedback_type", "correct")
                .put("query_text", question).put("original_answer", answer)
                .put("confidence_score", 0.5).put("time_spent_seconds", 60).put("suggested_category", "IVA").toString());
        // generated_faq_id stays null until approval (§9): the pending candidate is found through its link.
        UUID id = jdbc.queryForObject("select candidate_id from expert_faq_candidate_feedback where feedback_id = ?::uuid",
                UUID.class, submitted.json().get("feedback_id").asString());
        Api.Response approved = api.post("/api/v1/faq/candidates/" + id + "/approve", reviewer, "{}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().get("version").asInt()).isEqualTo(1);
        return id;
    }

    private static String edit(String answer, String reason, int version) {
        return JSON.createObjectNode().put("question", "Aliquota IVA sugli interventi di recupero edilizio?")
                .put("answer", answer).put("suggested_category", "IVA").put("reason", reason).put("version", version)
                .set("regulatory_references", JSON.createArrayNode().add("DPR 633/72 Tab. A").add("dpr 633/72  tab. a."))
                .toString();
    }

    @Test
    void an_edit_makes_version_2_with_history_and_a_stale_version_is_409() {
        UUID faq = published("Aliquota IVA recupero edilizio " + UUID.randomUUID());
        Api.Response edited = api.put("/api/v1/faq/" + faq, reviewer,
                edit("Aliquota al 10% (Tabella A, parte III, n. 127-quaterdecies).", "Citata la norma", 1));
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(edited.json().get("version").asInt()).isEqualTo(2);
        assertThat(edited.json().get("status").asString()).isEqualTo("approved");
        assertThat(edited.json().get("answer").asString()).startsWith("Aliquota al 10% (Tabella A");
        // The two spellings of the same reference are one reference in the published FAQ.
        assertThat(edited.json().get("regulatory_references")).hasSize(1);

        Api.Response stale = api.put("/api/v1/faq/" + faq, reviewer, edit("Altra risposta.", "Ancora", 1));
        assertThat(stale.status()).isEqualTo(409);
        Api.Response noReason = api.put("/api/v1/faq/" + faq, reviewer, edit("Altra risposta.", " ", 2));
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.json().get("errors").has("reason")).isTrue();

        Api.Response versions = api.get("/api/v1/faq/" + faq + "/versions", reviewer);
        assertThat(versions.status()).as(versions.body()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        versions.json().get("items").forEach(items::add);
        assertThat(items).extracting(v -> v.get("version").asInt()).containsExactly(1, 2);
        assertThat(items.get(0).get("answer").asString()).isEqualTo("Aliquota al 10%.");
        assertThat(items.get(1).get("reason").asString()).isEqualTo("Citata la norma");
        assertThat(items.get(1).get("edited_by").asInt()).isEqualTo(reviewerId);
        assertThat(items.get(1).get("edited_at").isNull()).isFalse();

        assertThat(jdbc.queryForList("select action from audit_log where entity_id = ? order by id", String.class,
                faq.toString())).endsWith("faq_edited");
        String expertToken = api.token(testUsers.createVerifiedExpert().email(), TestUsers.PASSWORD);
        assertThat(api.put("/api/v1/faq/" + faq, expertToken, edit("x", "y", 2)).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/faq/" + UUID.randomUUID() + "/versions", reviewer).status()).isEqualTo(404);
    }

    @Test
    void a_retired_faq_is_reported_retired_to_updated_since_callers_and_left_out_of_the_live_list()
            throws InterruptedException {
        String marker = UUID.randomUUID().toString();
        UUID faq = published("Ritiro FAQ " + marker);
        Thread.sleep(20);
        String since = Instant.now().toString();
        Thread.sleep(20);
        assertThat(api.post("/api/v1/faq/" + faq + "/retire", reviewer, "{\"reason\": \" \"}").status()).isEqualTo(422);
        Api.Response retired = api.post("/api/v1/faq/" + faq + "/retire", reviewer, "{\"reason\": \"Norma abrogata\"}");
        assertThat(retired.status()).as(retired.body()).isEqualTo(200);
        assertThat(retired.json().get("status").asString()).isEqualTo("retired");

        JsonNode sync = api.get("/api/v1/faq?updated_since=" + since + "&limit=500", reviewer).json();
        JsonNode item = find(sync, faq);
        assertThat(item).as("the sync reports the retirement").isNotNull();
        assertThat(item.get("status").asString()).isEqualTo("retired");
        assertThat(item.get("retirement_reason").asString()).isEqualTo("Norma abrogata");
        assertThat(item.get("version").asInt()).isEqualTo(1);

        JsonNode live = api.get("/api/v1/faq?q=" + marker, reviewer).json();
        assertThat(find(live, faq)).as("a retired FAQ is not served").isNull();
        assertThat(find(api.get("/api/v1/faq?q=" + marker + "&updated_since=" + since, reviewer).json(), faq)).isNotNull();
        assertThat(api.post("/api/v1/faq/" + faq + "/retire", reviewer, "{\"reason\": \"ancora\"}").status()).isEqualTo(409);
        assertThat(api.put("/api/v1/faq/" + faq, reviewer, edit("Nuova.", "Riapro", 1)).status()).isEqualTo(409);
        assertThat(jdbc.queryForList("select action from audit_log where entity_id = ? order by id", String.class,
                faq.toString())).endsWith("faq_retired");
    }

    @Test
    void the_golden_set_as_xlsx_neutralises_a_formula_in_a_cell() throws Exception {
        String marker = UUID.randomUUID().toString();
        UUID faq = published("Formula " + marker, "=HYPERLINK(\"http://evil.example\",\"clicca\")");
        java.net.http.HttpResponse<byte[]> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        "http://localhost:" + port + "/api/v1/faq/export.xlsx?q=" + marker))
                        .header("Authorization", "Bearer " + reviewer).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).contains("spreadsheetml");
        try (org.dhatim.fastexcel.reader.ReadableWorkbook book = new org.dhatim.fastexcel.reader.ReadableWorkbook(
                new java.io.ByteArrayInputStream(response.body()))) {
            List<org.dhatim.fastexcel.reader.Row> rows = book.getFirstSheet().read();
            assertThat(rows).hasSize(2);
            assertThat(rows.get(0).getCellText(2)).isEqualTo("answer");
            assertThat(rows.get(1).getCellText(0)).isEqualTo(faq.toString());
            org.dhatim.fastexcel.reader.Cell answer = rows.get(1).getCell(2);
            assertThat(answer.getType()).isEqualTo(org.dhatim.fastexcel.reader.CellType.STRING);
            assertThat(answer.getRawValue()).isEqualTo("'=HYPERLINK(\"http://evil.example\",\"clicca\")");
            assertThat(rows.get(1).getCellText(8)).isEqualTo("approved");
        }
    }

    private static JsonNode find(JsonNode page, UUID id) {
        for (JsonNode item : page.get("items")) {
            if (item.get("id").asString().equals(id.toString())) {
                return item;
            }
        }
        return null;
    }
}
