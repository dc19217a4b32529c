package it.expertfeedback.feedback;

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
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The assistant's feedback API over real HTTP, with every rule of DOMAIN.md §4. */
@IntegrationTest
class FeedbackApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    TestUsers testUsers;

    @Autowired
    JdbcTemplate jdbc;

    Api api;
    TestUsers.Created expert;
    String token;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        expert = testUsers.createVerifiedExpert();
        token = api.token(expert.email(), TestUsers.PASSWORD);
    }

    /** A submission that passes every rule; each case below breaks exactly one. */
    static ObjectNode valid() {
        ObjectNode body = JSON.createObjectNode();
        body.put("query_id", UUID.randomUUID().toString());
        body.put("feedback_type", "incorrect");
        body.put("category", "calcolo_sbagliato");
        body.put("query_text", "Come si calcola l'acconto IVA di dicembre con il metodo storico?");
        body.put("original_answer", "Si versa il 100% dell'IVA dovuta a dicembre dell'anno precedente.");
        body.put("expert_answer", "L'acconto è pari all'88% dell'IVA dovuta per dicembre dell'anno precedente.");
        body.putArray("regulatory_references").add("Art. 6, L. 405/1990");
        body.putArray("improvement_suggestions").add("Citare la percentuale corretta");
        body.put("confidence_score", 0.9);
        body.put("time_spent_seconds", 240);
        body.put("complexity_rating", 3);
        body.put("additional_details", "La percentuale è 88%, non 100%.");
        body.put("suggested_category", "IVA");
        return body;
    }

    static Stream<Arguments> invalidSubmissions() {
        return Stream.of(
                rule("feedback_type", b -> b.remove("feedback_type")),
                rule("feedback_type", b -> b.put("feedback_type", "Incorrect")),
                rule("feedback_type", b -> b.put("feedback_type", "wrong")),
                rule("category", b -> b.put("category", "Calcolo_Sbagliato")),
                rule("query_text", b -> b.remove("query_text")),
                rule("query_text", b -> b.put("query_text", "   ")),
                rule("query_text", b -> b.put("query_text", "q".repeat(2001))),
                rule("query_text", b -> b.put("query_text", "[Domanda precedente dell'utente]")),
                rule("query_text", b -> b.put("query_text", "  [user query] ")),
                rule("query_text", b -> b.put("query_text", "[TODO]")),
                rule("query_text", b -> b.put("query_text", "[Query Text]")),
                rule("query_text", b -> b.put("query_text", "\tTODO: extract from chat history  ")),
                rule("original_answer", b -> b.remove("original_answer")),
                rule("original_answer", b -> b.put("original_answer", "")),
                rule("original_answer", b -> b.put("original_answer", "a".repeat(20_001))),
                rule("expert_answer", b -> b.put("expert_answer", "e".repeat(20_001))),
                rule("improvement_suggestions", b -> items(b.putArray("improvement_suggestions"), 21, "s")),
                rule("improvement_suggestions", b -> b.putArray("improvement_suggestions").add("s".repeat(501))),
                rule("regulatory_references", b -> items(b.putArray("regulatory_references"), 21, "Art.")),
                rule("regulatory_references", b -> b.putArray("regulatory_references").add("r".repeat(501))),
                rule("confidence_score", b -> b.remove("confidence_score")),
                rule("confidence_score", b -> b.put("confidence_score", 1.01)),
                rule("confidence_score", b -> b.put("confidence_score", -0.1)),
                rule("confidence_score", b -> b.put("confidence_score", "alta")),
                rule("time_spent_seconds", b -> b.remove("time_spent_seconds")),
                rule("time_spent_seconds", b -> b.put("time_spent_seconds", 0)),
                rule("complexity_rating", b -> b.put("complexity_rating", 0)),
                rule("complexity_rating", b -> b.put("complexity_rating", 6)),
                rule("additional_details", b -> b.remove("additional_details")),
                rule("additional_details", b -> b.put("feedback_type", "incomplete").put("additional_details", "  ")),
                rule("additional_details", b -> b.put("additional_details", "d".repeat(2001))),
                rule("query_id", b -> b.remove("query_id")),
                rule("query_id", b -> b.put("query_id", "non-un-uuid")),
                // Issue 13: §4's tightened rules. A NUL is a 422 on its field, never a 409 "duplicate".
                rule("category", b -> b.put("feedback_type", "correct")),
                rule("time_spent_seconds", b -> b.put("time_spent_seconds", 86_401)),
                rule("time_spent_seconds", b -> b.put("time_spent_seconds", Integer.MAX_VALUE)),
                rule("query_text", b -> b.put("query_text", "Aliquota IVA\u0000 agevolata?")),
                rule("expert_answer", b -> b.put("expert_answer", "Corretto\u0000")),
                rule("additional_details", b -> b.put("additional_details", "\u0000")),
                rule("regulatory_references", b -> b.putArray("regulatory_references").add("Art. 6\u0000")),
                escaped("original_answer", b -> b.put("original_answer", "Risposta LONE troncata"), "LONE", "\\ud800"),
                escaped("query_text", b -> b.put("query_text", "LONE"), "LONE", "\\udc00 domanda"),
                rule("query_text", b -> b.put("query_text", "\u00A0\u00A0\u200B\uFEFF\u2060")),
                rule("expert_answer", b -> b.put("expert_answer", "\u200B\u200C\u200D")),
                rule("improvement_suggestions", b -> b.putArray("improvement_suggestions").add("\u200B\u00A0")));
    }

    /** A lone surrogate cannot travel as UTF-8: it is sent as the JSON escape a client would send. */
    private static Arguments escaped(String field, Consumer<ObjectNode> breakIt, String marker, String escape) {
        ObjectNode body = valid();
        breakIt.accept(body);
        return Arguments.of(field, body.toString().replace(marker, escape));
    }

    private static Arguments rule(String field, Consumer<ObjectNode> breakIt) {
        ObjectNode body = valid();
        breakIt.accept(body);
        return Arguments.of(field, body.toString());
    }

    private static void items(ArrayNode array, int count, String prefix) {
        for (int i = 0; i < count; i++) {
            array.add(prefix + " " + i);
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("invalidSubmissions")
    void every_rule_is_a_422_naming_the_field_and_writes_nothing(String field, String body) {
        long before = feedbackRows();
        Api.Response response = api.post("/api/v1/expert-feedback/submit", token, body);

        assertThat(response.status()).as(response.body()).isEqualTo(422);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").has(field)).as(response.body()).isTrue();
        assertThat(feedbackRows()).isEqualTo(before);
    }

    @Test
    void a_valid_submission_is_201_with_the_contract_fields_and_boundaries_are_accepted() {
        ObjectNode body = valid();
        body.put("original_answer", "a".repeat(15_000));
        items(body.putArray("regulatory_references"), 20, "Art.");
        body.put("confidence_score", 1.0);
        body.put("query_text", "Q".repeat(2000));
        Api.Response response = api.post("/api/v1/expert-feedback/submit", token, body.toString());

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        var json = response.json();
        assertThat(json.get("feedback_id").asString()).isNotBlank();
        assertThat(json.get("feedback_type").asString()).isEqualTo("incorrect");
        assertThat(json.get("expert_trust_score").asDouble()).isBetween(0.1, 1.0);
        assertThat(json.get("task_creation_attempted").asBoolean()).isTrue();
        assertThat(json.get("generated_task_id").asString()).matches("QUERY-\\d{4,}");
        assertThat(json.get("generated_faq_id").isNull()).as("null until a reviewer approves").isTrue();
        assertThat(json.get("message").asString()).isEqualTo("Feedback submitted successfully");
        assertThat(jdbc.queryForObject("select length(original_answer) from expert_feedback where id = ?::uuid",
                Integer.class, json.get("feedback_id").asString())).isEqualTo(15_000);
    }

    @Test
    void without_token_401_and_without_an_active_verified_profile_403() {
        assertThat(api.post("/api/v1/expert-feedback/submit", null, valid().toString()).status()).isEqualTo(401);

        String reviewer = api.token(testUsers.create("REVIEWER").email(), TestUsers.PASSWORD);
        TestUsers.Created unverified = testUsers.create("EXPERT");
        jdbc.update("insert into expert_profiles (user_id, is_verified, is_active) values (?, false, true)", unverified.id());
        TestUsers.Created inactive = testUsers.createVerifiedExpert();
        jdbc.update("update expert_profiles set is_active = false where user_id = ?", inactive.id());
        long before = feedbackRows();
        for (String caller : List.of(reviewer, api.token(unverified.email(), TestUsers.PASSWORD),
                api.token(inactive.email(), TestUsers.PASSWORD))) {
            Api.Response response = api.post("/api/v1/expert-feedback/submit", caller, valid().toString());
            assertThat(response.status()).isEqualTo(403);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
        assertThat(feedbackRows()).isEqualTo(before);
    }

    @Test
    void a_second_feedback_on_the_same_query_is_409() {
        ObjectNode first = valid();
        assertThat(api.post("/api/v1/expert-feedback/submit", token, first.toString()).status()).isEqualTo(201);
        // A different verdict on the same answer (an identical one is a retry: 200, AssistantClientReplayTest).
        Api.Response second = api.post("/api/v1/expert-feedback/submit", token,
                first.put("additional_details", "Un'altra spiegazione.").toString());
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.contentType()).startsWith("application/problem+json");
    }

    @Test
    void two_racing_submissions_of_the_same_query_leave_exactly_one_row() throws Exception {
        String queryId = UUID.randomUUID().toString();
        String body = valid().put("query_id", queryId).toString();
        int attempts = 6;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> statuses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(attempts)) {
            for (int i = 0; i < attempts; i++) {
                statuses.add(pool.submit(() -> {
                    start.await();
                    return api.post("/api/v1/expert-feedback/submit", token, body).status();
                }));
            }
            start.countDown();
            List<Integer> results = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                results.add(status.get());
            }
            // One is stored; the others are the client's retries of it (identical): the first result, 200.
            assertThat(results).containsOnlyOnce(201).containsOnly(201, 200);
        }
        assertThat(jdbc.queryForObject("select count(*) from expert_feedback where query_id = ?::uuid", Integer.class, queryId))
                .isOne();
    }

    @Test
    void history_returns_only_the_callers_rows_newest_first_with_total_count() {
        for (String type : List.of("correct", "incomplete", "incorrect")) {
            ObjectNode body = valid().put("feedback_type", type);
            if (type.equals("correct")) {
                body.remove("category"); // §4: an error category only with incomplete / incorrect
            }
            assertThat(api.post("/api/v1/expert-feedback/submit", token, body.toString()).status()).isEqualTo(201);
        }
        TestUsers.Created other = testUsers.createVerifiedExpert();
        api.post("/api/v1/expert-feedback/submit", api.token(other.email(), TestUsers.PASSWORD), valid().toString());

        Api.Response all = api.get("/api/v1/expert-feedback/history?limit=2&offset=0", token);
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.json().get("total_count").asLong()).isEqualTo(3);
        assertThat(all.json().get("limit").asInt()).isEqualTo(2);
        assertThat(all.json().get("items").size()).isEqualTo(2);
        assertThat(all.json().get("items").get(0).get("feedback_type").asString()).isEqualTo("incorrect");
        assertThat(all.json().get("items").get(1).get("feedback_type").asString()).isEqualTo("incomplete");

        Api.Response rest = api.get("/api/v1/expert-feedback/history?limit=2&offset=2", token);
        assertThat(rest.json().get("items").size()).isEqualTo(1);
        assertThat(rest.json().get("items").get(0).get("feedback_type").asString()).isEqualTo("correct");

        Api.Response onlyCorrect = api.get("/api/v1/expert-feedback/history?feedback_type=correct", token);
        assertThat(onlyCorrect.json().get("total_count").asLong()).isOne();
        assertThat(api.get("/api/v1/expert-feedback/history?limit=1000", token).json().get("limit").asInt()).isEqualTo(100);
        assertThat(api.get("/api/v1/expert-feedback/history?limit=0", token).json().get("limit").asInt()).isEqualTo(1);
        Api.Response invalid = api.get("/api/v1/expert-feedback/history?feedback_type=Correct", token);
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.json().get("errors").has("feedback_type")).isTrue();
    }

    @Test
    void detail_is_for_the_owner_reviewers_and_admins_and_404_for_anyone_else() {
        String id = api.post("/api/v1/expert-feedback/submit", token, valid().toString()).json().get("feedback_id").asString();

        assertThat(api.get("/api/v1/expert-feedback/" + id, token).json().get("query_text").asString())
                .startsWith("Come si calcola");
        String reviewer = api.token(testUsers.create("REVIEWER").email(), TestUsers.PASSWORD);
        assertThat(api.get("/api/v1/expert-feedback/" + id, reviewer).status()).isEqualTo(200);
        String admin = api.token(testUsers.create("ADMIN").email(), TestUsers.PASSWORD);
        assertThat(api.get("/api/v1/expert-feedback/" + id, admin).status()).isEqualTo(200);
        String stranger = api.token(testUsers.createVerifiedExpert().email(), TestUsers.PASSWORD);
        Api.Response hidden = api.get("/api/v1/expert-feedback/" + id, stranger);
        Api.Response unknown = api.get("/api/v1/expert-feedback/" + UUID.randomUUID(), stranger);
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(hidden.json().get("title").asString()).isEqualTo(unknown.json().get("title").asString());
    }

    private long feedbackRows() {
        return jdbc.queryForObject("select count(*) from expert_feedback", Long.class);
    }
}
