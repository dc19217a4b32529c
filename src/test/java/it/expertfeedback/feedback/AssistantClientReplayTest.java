package it.expertfeedback.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import it.expertfeedback.support.Api;
import it.expertfeedback.support.IntegrationTest;
import it.expertfeedback.support.TestUsers;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The original chat client's calls replayed over real HTTP (DOMAIN.md §9): the payloads its Corretta / Incompleta /
 * Errata buttons send, and every field and type it reads back from submit, history, detail and the profile.
 */
@IntegrationTest
class AssistantClientReplayTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TASK_ID = "QUERY-\\d{4,}";

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

    /** What the client's buttons send at least: the query, the verdict, the answer, its own timing and confidence. */
    static ObjectNode button(String type) {
        ObjectNode body = JSON.createObjectNode();
        body.put("query_id", UUID.randomUUID().toString());
        body.put("feedback_type", type);
        body.put("query_text", "Entro quando va presentata la dichiarazione IVA annuale? " + UUID.randomUUID());
        body.put("original_answer", "Entro il 30 aprile dell'anno successivo a quello di riferimento.");
        body.put("confidence_score", 0.8);
        body.put("time_spent_seconds", 45);
        return body;
    }

    static Arguments call(String name, String type, Consumer<ObjectNode> extra, String actionTaken, boolean task) {
        ObjectNode body = button(type);
        extra.accept(body);
        return Arguments.of(name, body, actionTaken, task);
    }

    static Stream<Arguments> clientCalls() {
        return Stream.of(
                call("Corretta, without details", "correct", b -> { }, "feedback_acknowledged", false),
                call("Incompleta with additional_details", "incomplete",
                        b -> b.put("additional_details", "Manca il caso della dichiarazione integrativa."),
                        "improvement_suggestion_logged", true),
                call("Errata with additional_details", "incorrect",
                        b -> b.put("additional_details", "Il termine è cambiato: oggi è il 30 aprile."),
                        "critical_review_flagged", true),
                call("Errata, the full payload", "incorrect", b -> {
                    b.put("category", "normativa_obsoleta");
                    b.put("expert_answer", "Dal 2017 la dichiarazione IVA annuale si presenta entro il 30 aprile.");
                    b.putArray("improvement_suggestions").add("Citare la norma").add("Indicare le proroghe");
                    b.putArray("regulatory_references").add("Art. 8, DPR 322/1998");
                    b.put("complexity_rating", 4);
                    b.put("additional_details", "Riferimento normativo mancante.");
                }, "correction_queued", true),
                call("Incompleta with an expert answer", "incomplete", b -> {
                    b.put("expert_answer", "Entro il 30 aprile; la integrativa entro i termini dell'accertamento.");
                    b.put("additional_details", "Aggiungere l'integrativa.");
                }, "answer_enhancement_queued", true),
                call("\"category\": null", "incomplete", b -> {
                    b.putNull("category");
                    b.put("additional_details", "Manca l'eccezione per i contribuenti forfettari.");
                }, "improvement_suggestion_logged", true));
    }

    private static void assertUuid(JsonNode node) {
        assertThat(node.isString()).as("a UUID string: " + node).isTrue();
        assertThat(UUID.fromString(node.asString())).isNotNull();
    }

    private static void assertTracking(JsonNode item, boolean task) {
        if (task) {
            assertThat(item.get("generated_task_id").asString()).matches(TASK_ID);
        } else {
            assertThat(item.get("generated_task_id").isNull()).isTrue();
        }
        assertThat(item.get("task_creation_success").isBoolean()).isTrue();
        assertThat(item.get("task_creation_success").asBoolean()).isTrue();
        assertThat(item.has("generated_faq_id")).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clientCalls")
    void the_clients_calls_get_every_field_it_reads(String name, ObjectNode body, String actionTaken, boolean task) {
        Api.Response submitted = api.post("/api/v1/expert-feedback/submit", token, body.toString());

        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        JsonNode s = submitted.json();
        assertUuid(s.get("feedback_id"));
        assertThat(s.get("feedback_type").asString()).isEqualTo(body.get("feedback_type").asString());
        assertThat(s.get("expert_trust_score").isNumber()).isTrue();
        assertThat(s.get("task_creation_attempted").asBoolean()).as("a candidate or a task is made").isTrue();
        if (task) {
            assertThat(s.get("generated_task_id").asString()).matches(TASK_ID);
        } else {
            assertThat(s.get("generated_task_id").isNull()).isTrue();
        }
        String feedbackId = s.get("feedback_id").asString();
        UUID approved = jdbc.query("""
                        select c.id from expert_faq_candidate_feedback l join expert_faq_candidates c on c.id = l.candidate_id
                        where l.feedback_id = ?::uuid and c.approval_status = 'approved'""",
                (rs, n) -> rs.getObject(1, UUID.class), feedbackId).stream().findFirst().orElse(null);
        assertThat(s.get("generated_faq_id").isNull() ? null : UUID.fromString(s.get("generated_faq_id").asString()))
                .as("the published FAQ, null while not approved").isEqualTo(approved);
        assertThat(s.get("message").asString()).isEqualTo("Feedback submitted successfully");
        assertThat(s.get("action_taken").asString()).isEqualTo(actionTaken);

        Api.Response history = api.get("/api/v1/expert-feedback/history?limit=20&offset=0&feedback_type=", token);
        assertThat(history.status()).as(history.body()).isEqualTo(200);
        JsonNode h = history.json();
        assertThat(h.get("total_count").isNumber()).isTrue();
        assertThat(h.get("limit").asInt()).isEqualTo(20);
        assertThat(h.get("offset").asInt()).isZero();
        JsonNode item = h.get("items").get(0);
        assertThat(item.get("id").asString()).as("newest first").isEqualTo(feedbackId);
        assertUuid(item.get("query_id"));
        assertThat(item.get("feedback_type").asString()).isEqualTo(body.get("feedback_type").asString());
        assertThat(item.get("confidence_score").isNumber()).isTrue();
        assertThat(item.get("expert_trust_score").isNumber()).isTrue();
        assertThat(Instant.parse(item.get("feedback_timestamp").asString())).isBeforeOrEqualTo(Instant.now());
        assertTracking(item, task);

        Api.Response detail = api.get("/api/v1/expert-feedback/" + feedbackId, token);
        assertThat(detail.status()).as(detail.body()).isEqualTo(200);
        JsonNode d = detail.json();
        assertUuid(d.get("id"));
        assertUuid(d.get("expert_id"));
        assertTracking(d, task);
        assertThat(d.get("task_creation_attempted").asBoolean()).isTrue();
        assertThat(d.get("task_creation_error").isNull()).isTrue();
        assertThat(d.get("action_taken").asString()).isEqualTo(actionTaken);
        assertThat(d.get("additional_details").isNull()).isEqualTo(!body.has("additional_details"));
        assertThat(d.get("improvement_suggestions").isArray()).isTrue();
        assertThat(d.get("regulatory_references").isArray()).isTrue();
        assertThat(d.get("category").isNull()).isEqualTo(!body.hasNonNull("category"));
        assertThat(Instant.parse(d.get("feedback_timestamp").asString())).isNotNull();
        if (task) {
            String taskId = d.get("generated_task_id").asString();
            assertThat(jdbc.queryForMap("""
                            select feedback_id::text as feedback_id, question, answer, additional_details
                            from expert_generated_tasks where task_id = ?""", taskId))
                    .containsEntry("feedback_id", feedbackId)
                    .containsEntry("question", body.get("query_text").asString())
                    .containsEntry("answer", body.get("original_answer").asString())
                    .containsEntry("additional_details", body.get("additional_details").asString());
        }
    }

    @Test
    void the_profile_says_super_user_for_an_expert_so_the_client_shows_the_verdict_buttons() {
        JsonNode profile = api.get("/api/v1/expert-feedback/experts/me/profile", token).json();
        assertThat(profile.get("role").asString()).isEqualTo("super_user");
        assertThat(profile.get("roles").isArray()).isTrue();
        assertThat(profile.get("roles").get(0).asString()).isEqualTo("EXPERT");
        assertUuid(profile.get("id"));
        assertThat(profile.get("trust_score").isNumber()).isTrue();

        TestUsers.Created admin = testUsers.create("ADMIN", "EXPERT");
        jdbc.update("insert into expert_profiles (user_id, is_verified, is_active) values (?, true, true)", admin.id());
        JsonNode adminProfile = api.get("/api/v1/expert-feedback/experts/me/profile",
                api.token(admin.email(), TestUsers.PASSWORD)).json();
        assertThat(adminProfile.get("role").asString()).isEqualTo("admin");
        assertThat(JSON.convertValue(adminProfile.get("roles"), List.class)).containsExactlyInAnyOrder("ADMIN", "EXPERT");
    }

    @Test
    void an_identical_retry_gets_200_and_the_first_result_a_different_second_feedback_409() {
        ObjectNode body = button("incorrect");
        body.put("additional_details", "Il termine indicato è sbagliato.");
        Api.Response first = api.post("/api/v1/expert-feedback/submit", token, body.toString());
        assertThat(first.status()).as(first.body()).isEqualTo(201);

        Api.Response retry = api.post("/api/v1/expert-feedback/submit", token, body.toString());
        assertThat(retry.status()).as(retry.body()).isEqualTo(200);
        assertThat(retry.json().get("feedback_id").asString()).isEqualTo(first.json().get("feedback_id").asString());
        assertThat(retry.json().get("generated_task_id").asString()).isEqualTo(first.json().get("generated_task_id").asString());
        assertThat(retry.json().get("message").asString()).isEqualTo("Feedback submitted successfully");
        assertThat(jdbc.queryForObject("select count(*) from expert_generated_tasks where feedback_id = ?::uuid",
                Long.class, first.json().get("feedback_id").asString())).isEqualTo(1);

        body.put("additional_details", "Un'altra spiegazione.");
        Api.Response different = api.post("/api/v1/expert-feedback/submit", token, body.toString());
        assertThat(different.status()).isEqualTo(409);
        assertThat(different.contentType()).startsWith("application/problem+json");
    }

    @Test
    void generated_faq_id_is_null_until_a_reviewer_approves_then_the_published_faqs_id() {
        Api.Response submitted = api.post("/api/v1/expert-feedback/submit", token, button("correct").toString());
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        String feedbackId = submitted.json().get("feedback_id").asString();
        UUID candidate = jdbc.queryForObject(
                "select candidate_id from expert_faq_candidate_feedback where feedback_id = ?::uuid", UUID.class, feedbackId);
        assertThat(jdbc.queryForObject("select approval_status from expert_faq_candidates where id = ?", String.class,
                candidate)).isEqualTo("pending");
        assertThat(submitted.json().get("generated_faq_id").isNull()).isTrue();
        assertThat(historyItem(feedbackId).get("generated_faq_id").isNull()).isTrue();
        assertThat(api.get("/api/v1/expert-feedback/" + feedbackId, token).json().get("generated_faq_id").isNull()).isTrue();

        String reviewer = api.token(testUsers.create("REVIEWER").email(), TestUsers.PASSWORD);
        Api.Response approved = api.post("/api/v1/faq/candidates/" + candidate + "/approve", reviewer, "{}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);

        assertThat(historyItem(feedbackId).get("generated_faq_id").asString()).isEqualTo(candidate.toString());
        assertThat(api.get("/api/v1/expert-feedback/" + feedbackId, token).json().get("generated_faq_id").asString())
                .isEqualTo(candidate.toString());
    }

    private JsonNode historyItem(String feedbackId) {
        for (JsonNode item : api.get("/api/v1/expert-feedback/history", token).json().get("items")) {
            if (item.get("id").asString().equals(feedbackId)) {
                return item;
            }
        }
        throw new AssertionError("feedback " + feedbackId + " not in the history");
    }

    @Test
    void the_403s_carry_the_original_texts() {
        String noProfile = api.token(testUsers.create("EXPERT").email(), TestUsers.PASSWORD);
        Api.Response notExpert = api.post("/api/v1/expert-feedback/submit", noProfile, button("correct").toString());
        assertThat(notExpert.status()).isEqualTo(403);
        assertThat(notExpert.json().get("detail").asString()).isEqualTo("User is not an expert");

        jdbc.update("update expert_profiles set is_active = false where user_id = ?", expert.id());
        Api.Response inactive = api.post("/api/v1/expert-feedback/submit", token, button("correct").toString());
        assertThat(inactive.status()).isEqualTo(403);
        assertThat(inactive.json().get("detail").asString()).isEqualTo("Expert profile is not active or verified");
    }
}
