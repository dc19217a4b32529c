package it.expertfeedback.inbox;

import it.expertfeedback.security.ApiKeyService;
import it.expertfeedback.security.Role;
import it.expertfeedback.support.SignedIn;
import it.expertfeedback.support.TestUsers;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Requests and people for the inbox tests: API keys through the admin's service, experts straight in the database. */
final class InboxFixtures {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private InboxFixtures() {
    }

    /** A fresh API key, created by a fresh admin through the service (the UI's path). */
    static String apiKey(ApiKeyService keys, TestUsers users) {
        try (SignedIn admin = SignedIn.as(users.create("ADMIN"), Role.ADMIN)) {
            return keys.create("test-" + UUID.randomUUID(), null).secret();
        }
    }

    /** A valid request body; {@code n} makes the question distinct. */
    static ObjectNode request(UUID queryId, String topic, int n) {
        ObjectNode body = JSON.createObjectNode();
        body.put("query_id", queryId.toString());
        body.put("query_text", "Qual è l'aliquota IVA per la cessione n. " + n + " di beni alimentari (" + queryId + ")?");
        body.put("original_answer", "Per i beni alimentari di base l'aliquota è del 4%, per altri del 10%.");
        if (topic != null) {
            body.put("topic", topic);
        }
        body.putArray("tags").add("aliquote");
        ObjectNode turn = body.putArray("context").addObject();
        turn.put("role", "user");
        turn.put("text", "Vendo pane e pasta al dettaglio.");
        body.put("reason", "sampled");
        return body;
    }

    /** A verified, active expert with these specializations. */
    static TestUsers.Created expert(TestUsers users, JdbcTemplate jdbc, String... specializations) {
        return ClaimingExperts.withSpecializations(users, jdbc, specializations);
    }

    /** A "correct" verdict on the request's query, as the expert's client sends it over REST. */
    static ObjectNode verdict(String queryId, String queryText, String answer, int typedSeconds) {
        ObjectNode body = JSON.createObjectNode();
        body.put("query_id", queryId);
        body.put("feedback_type", "correct");
        body.put("query_text", queryText);
        body.put("original_answer", answer);
        body.put("confidence_score", 0.7);
        body.put("time_spent_seconds", typedSeconds);
        return body;
    }
}
