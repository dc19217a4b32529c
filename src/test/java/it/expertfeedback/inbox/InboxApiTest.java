package it.expertfeedback.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import it.expertfeedback.security.ApiKeyService;
import it.expertfeedback.security.Role;
import it.expertfeedback.support.Api;
import it.expertfeedback.support.IntegrationTest;
import it.expertfeedback.support.SignedIn;
import it.expertfeedback.support.TestUsers;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The review-request API of DOMAIN.md §8 over real HTTP, with the assistant's API key. */
@IntegrationTest
class InboxApiTest {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApiKeyService keys;

    Api api;
    String key;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        key = InboxFixtures.apiKey(keys, users);
    }

    @Test
    void create_is_201_the_same_again_200_with_the_same_id_and_different_content_409() {
        UUID queryId = UUID.randomUUID();
        ObjectNode body = InboxFixtures.request(queryId, "iva", 1);

        Api.Response created = api.post("/api/v1/review-requests", key, body.toString());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode json = created.json();
        assertThat(json.get("status").asString()).isEqualTo("open");
        assertThat(json.get("query_id").asString()).isEqualTo(queryId.toString());

        Api.Response again = api.post("/api/v1/review-requests", key, body.toString());
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("id").asString()).isEqualTo(json.get("id").asString());

        body.put("original_answer", "Un'altra risposta.");
        Api.Response different = api.post("/api/v1/review-requests", key, body.toString());
        assertThat(different.status()).isEqualTo(409);
        assertThat(different.contentType()).startsWith("application/problem+json");
        assertThat(jdbc.queryForObject("select count(*) from review_request where query_id = ?", Integer.class, queryId))
                .isEqualTo(1);
    }

    @Test
    void texts_follow_the_feedback_rules_and_context_is_bounded() {
        record Case(String field, java.util.function.Consumer<ObjectNode> breakIt) {
        }
        List<Case> cases = List.of(
                new Case("query_text", b -> b.put("query_text", "[TODO]")),
                new Case("query_text", b -> b.put("query_text", "\u200B \uFEFF")),
                new Case("query_text", b -> b.put("query_text", "x".repeat(2001))),
                new Case("original_answer", b -> b.put("original_answer", "risposta \u0000")),
                new Case("original_answer", b -> b.put("original_answer", "lone LONE_SURROGATE surrogate")),
                new Case("priority", b -> b.put("priority", 101)),
                new Case("required_reviews", b -> b.put("required_reviews", 4)),
                new Case("reason", b -> b.put("reason", "because")),
                new Case("context[0].text", b -> ((ObjectNode) b.get("context").get(0)).put("text", "y".repeat(4001))),
                new Case("context", b -> {
                    ArrayNode turns = b.putArray("context");
                    for (int i = 0; i < 21; i++) {
                        turns.addObject().put("role", "user").put("text", "turno " + i);
                    }
                }),
                new Case("tags", b -> {
                    ArrayNode tags = b.putArray("tags");
                    for (int i = 0; i < 21; i++) {
                        tags.add("tag" + i);
                    }
                }));
        for (Case c : cases) {
            UUID queryId = UUID.randomUUID();
            ObjectNode body = InboxFixtures.request(queryId, "iva", 2);
            c.breakIt().accept(body);
            // A lone surrogate can only travel as a JSON escape: raw, UTF-8 encoding would replace it by '?'.
            String json = body.toString().replace("LONE_SURROGATE", "\\uD800");
            Api.Response response = api.post("/api/v1/review-requests", key, json);
            assertThat(response.status()).as(c.field() + ": " + response.body()).isEqualTo(422);
            assertThat(response.json().get("errors").has(c.field())).as(c.field() + ": " + response.body()).isTrue();
            assertThat(jdbc.queryForObject("select count(*) from review_request where query_id = ?", Integer.class,
                    queryId)).isZero();
        }
    }

    @Test
    void a_batch_of_500_with_3_invalid_stores_497_and_reports_the_3_by_index_and_field() {
        ArrayNode items = InboxFixtures.JSON.createArrayNode();
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            UUID queryId = UUID.randomUUID();
            ids.add(queryId);
            items.add(InboxFixtures.request(queryId, i % 2 == 0 ? "iva" : "lavoro", i));
        }
        ((ObjectNode) items.get(7)).put("query_text", "");
        ((ObjectNode) items.get(250)).put("priority", 500);
        ((ObjectNode) items.get(499)).remove("original_answer");
        ObjectNode body = InboxFixtures.JSON.createObjectNode();
        body.set("items", items);

        long started = System.nanoTime();
        Api.Response response = api.post("/api/v1/review-requests/batch", key, body.toString());
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode json = response.json();
        assertThat(json.get("created").asInt()).isEqualTo(497);
        assertThat(json.get("rejected").asInt()).isEqualTo(3);
        assertThat(json.get("items").get(7).get("result").asString()).isEqualTo("rejected");
        assertThat(json.get("items").get(7).get("errors").has("query_text")).isTrue();
        assertThat(json.get("items").get(250).get("errors").has("priority")).isTrue();
        assertThat(json.get("items").get(499).get("errors").has("original_answer")).isTrue();
        assertThat(json.get("items").get(8).get("result").asString()).isEqualTo("created");
        Integer stored = jdbc.queryForObject("select count(*) from review_request where query_id = any(?)", Integer.class,
                (Object) ids.toArray(UUID[]::new));
        assertThat(stored).isEqualTo(497);
        System.out.println("Batch of 500 review requests: " + millis + " ms");

        // Sent again (a client retry): everything already there, nothing new.
        Api.Response retry = api.post("/api/v1/review-requests/batch", key, body.toString());
        assertThat(retry.json().get("existing").asInt()).isEqualTo(497);
        assertThat(retry.json().get("created").asInt()).isZero();
    }

    @Test
    void an_expert_token_is_403_on_create_an_admin_token_may_create() {
        TestUsers.Created expert = users.createVerifiedExpert();
        String token = api.token(expert.email(), TestUsers.PASSWORD);
        Api.Response response = api.post("/api/v1/review-requests", token,
                InboxFixtures.request(UUID.randomUUID(), "iva", 3).toString());
        assertThat(response.status()).isEqualTo(403);

        TestUsers.Created admin = users.create("ADMIN");
        String adminToken = api.token(admin.email(), TestUsers.PASSWORD);
        assertThat(api.post("/api/v1/review-requests", adminToken,
                InboxFixtures.request(UUID.randomUUID(), "iva", 4).toString()).status()).isEqualTo(201);
    }

    @Test
    void a_revoked_or_expired_or_unknown_key_is_401_and_a_key_reaches_only_its_endpoints() {
        assertThat(api.get("/api/v1/review-requests", key).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/faq", key).status()).as("the golden set").isEqualTo(200);
        assertThat(api.get("/api/v1/expert-feedback/history", key).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/review-requests/claim", key, "{}").status()).as("claiming is for experts")
                .isEqualTo(403);
        assertThat(api.get("/api/v1/review-requests", "efs_ak_not-a-key").status()).isEqualTo(401);

        UUID keyId;
        try (SignedIn admin = SignedIn.as(users.create("ADMIN"), Role.ADMIN)) {
            keyId = keys.list().stream().filter(row -> key.startsWith(row.keyPrefix()))
                    .filter(row -> row.lastUsedAt() != null).findFirst().orElseThrow().id();
            keys.revoke(keyId);
        }
        Api.Response revoked = api.get("/api/v1/review-requests", key);
        assertThat(revoked.status()).isEqualTo(401);
        assertThat(revoked.contentType()).startsWith("application/problem+json");

        String expiring = InboxFixtures.apiKey(keys, users);
        assertThat(api.get("/api/v1/review-requests", expiring).status()).isEqualTo(200);
        jdbc.update("update api_key set expires_at = ? where key_hash = encode(sha256(convert_to(?, 'UTF8')), 'hex')",
                java.sql.Timestamp.from(Instant.now().minusSeconds(1)), expiring);
        assertThat(api.get("/api/v1/review-requests", expiring).status()).isEqualTo(401);
    }

    @Test
    void the_key_is_stored_only_as_its_sha256() {
        String secret = InboxFixtures.apiKey(keys, users);
        assertThat(secret).startsWith("efs_ak_").hasSizeGreaterThan(40);
        assertThat(jdbc.queryForObject("select count(*) from api_key where key_hash = encode(sha256(convert_to(?, 'UTF8')), 'hex')",
                Integer.class, secret)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from api_key where key_hash = ? or key_prefix = ?",
                Integer.class, secret, secret)).isZero();
    }
}
