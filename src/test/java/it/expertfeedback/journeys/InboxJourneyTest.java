package it.expertfeedback.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import it.expertfeedback.inbox.InboxService;
import it.expertfeedback.security.ApiKeyService;
import it.expertfeedback.security.Role;
import it.expertfeedback.support.Api;
import it.expertfeedback.support.BrowserTest;
import it.expertfeedback.support.SignedIn;
import it.expertfeedback.support.TestUsers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The assistant sends three answers over REST; an expert judges one with "Invia e prossima", skips the next with a
 * reason and releases the third; the assistant's status listing and the reviewer's inbox health agree.
 */
class InboxJourneyTest extends BrowserTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    TestUsers testUsers;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApiKeyService keys;

    @Autowired
    InboxService inbox;

    @Test
    void the_assistant_sends_three_an_expert_judges_one_skips_one_and_the_status_and_health_agree() {
        Api api = new Api(port);
        String spec = "s-" + UUID.randomUUID().toString().substring(0, 8);
        String topic = "t-" + UUID.randomUUID().toString().substring(0, 8);
        String key;
        try (SignedIn admin = SignedIn.as(testUsers.create("ADMIN"), Role.ADMIN)) {
            inbox.saveRoute(topic, List.of(spec));
            key = keys.create("journey", null).secret();
        }
        List<String> ids = new ArrayList<>();
        List<String> questions = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String question = "Domanda del percorso " + i + " (" + UUID.randomUUID().toString().substring(0, 8)
                    + "): la fattura differita va emessa entro il 15 del mese successivo?";
            ObjectNode body = JSON.createObjectNode();
            body.put("query_id", UUID.randomUUID().toString());
            body.put("query_text", question);
            body.put("original_answer", "Sì, entro il giorno 15 del mese successivo a quello di consegna.");
            body.put("topic", topic);
            body.put("priority", 100);
            body.putArray("context").addObject().put("role", "user").put("text", "Consegne con DDT nel mese.");
            Api.Response created = api.post("/api/v1/review-requests", key, body.toString());
            assertThat(created.status()).isEqualTo(201);
            ids.add(created.json().get("id").asString());
            questions.add(question);
        }

        TestUsers.Created expert = testUsers.createVerifiedExpert();
        jdbc.update("update expert_profiles set specializations = ? where user_id = ?", new String[] {spec}, expert.id());
        logIn(expert.email(), TestUsers.PASSWORD);
        page.locator("#main-navigation vaadin-side-nav-item").filter(new Locator.FilterOptions().setHasText("Da revisionare"))
                .click();
        page.locator("#inbox-start").click();
        assertThat(page.locator("#review-question")).containsText(questions.get(0));
        assertThat(page.locator("#review-context")).containsText("Consegne con DDT");
        page.locator("#review-verdict vaadin-radio-button").filter(new Locator.FilterOptions().setHasText("Corretta")).click();
        page.locator("#review-confidence input").fill("0,9"); // Italian decimals
        screenshot("inbox-review-expert");
        page.locator("#review-submit-next").click();

        assertThat(page.locator("#review-question")).containsText(questions.get(1));
        page.locator("#review-skip").click();
        page.locator("#skip-note input").fill("Non seguo la fatturazione differita");
        page.locator("#skip-confirm").click();

        assertThat(page.locator("#review-question")).containsText(questions.get(2));
        page.locator("#review-release").click();
        page.locator("#inbox-start").waitFor();

        Map<String, JsonNode> byId = new HashMap<>();
        List<JsonNode> all = new ArrayList<>();
        for (int offset = 0; ; offset += 500) {
            JsonNode items = api.get("/api/v1/review-requests?limit=500&offset=" + offset, key).json().get("items");
            items.forEach(item -> {
                all.add(item);
                byId.put(item.get("id").asString(), item);
            });
            if (items.size() < 500) {
                break;
            }
        }
        JsonNode done = byId.get(ids.get(0));
        assertThat(done.get("status").asString()).isEqualTo("done");
        String feedbackId = done.get("reviews").get(0).get("feedback_id").asString();
        assertThat(jdbc.queryForObject("select count(*) from expert_feedback where id = ?::uuid and query_id = ?::uuid",
                Integer.class, feedbackId, done.get("query_id").asString())).isEqualTo(1);
        JsonNode skipped = byId.get(ids.get(1));
        assertThat(skipped.get("status").asString()).isEqualTo("open");
        assertThat(skipped.get("skips").get(0).get("reason").asString()).isEqualTo("outside_competence");
        assertThat(byId.get(ids.get(2)).get("status").asString()).isEqualTo("open");
        assertThat(byId.get(ids.get(2)).get("skips")).isEmpty();

        page.locator("#logout").click();
        page.locator("vaadin-login-form").waitFor();
        logIn("giulia.ferrari@efs.local", "Revisore-demo-2026");
        page.navigate(url("/inbox/health"));
        Map<String, Long> expected = new HashMap<>();
        all.forEach(item -> expected.merge(item.get("status").asString(), 1L, Long::sum));
        for (String status : List.of("open", "in_review", "done", "cancelled")) {
            assertThat(page.locator("#health-" + status + " .tile-value"))
                    .hasText(String.format(java.util.Locale.ITALIAN, "%,d", expected.getOrDefault(status, 0L)));
        }
        // The topic's two open requests (the skipped and the released one) in the "open by topic" table.
        page.locator("#health-by-topic vaadin-grid-cell-content").filter(new Locator.FilterOptions()
                .setHasText(topic)).first().waitFor();
        Locator cells = page.locator("#health-by-topic vaadin-grid-cell-content");
        List<String> texts = cells.allInnerTexts().stream().map(String::strip).toList();
        assertThat(texts.get(texts.indexOf(topic) + 1)).isEqualTo("2");
        screenshot("inbox-health-reviewer");
    }
}
