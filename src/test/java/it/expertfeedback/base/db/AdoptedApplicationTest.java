package it.expertfeedback.base.db;

import static org.assertj.core.api.Assertions.assertThat;

import it.expertfeedback.support.Api;
import it.expertfeedback.support.KeepsSecurityContextStrategy;
import it.expertfeedback.support.SeparateApplication;
import it.expertfeedback.support.TestDatabase;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The application on the assistant's database after {@code ./efs adopt} (DOMAIN.md §11), through real HTTP: its
 * accounts sign in with their original bcrypt passwords and legacy roles, unknown labels break nothing, the first
 * recompute of an adopted expert is audited once with before/after.
 */
@ExtendWith(KeepsSecurityContextStrategy.class)
class AdoptedApplicationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static ConfigurableApplicationContext app;
    private static Api api;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void adoptAndStart() {
        String url = TestDatabase.adoptedAssistantDatabaseUrl("adopted_app", true);
        new Adoption(Migrations.dataSource(url), List.of()).apply();
        app = SeparateApplication.onDatabase(url, "efs.demo-data=false", "efs.admin.password=");
        api = new Api(Integer.parseInt(app.getEnvironment().getRequiredProperty("local.server.port")));
        jdbc = app.getBean(JdbcTemplate.class);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void an_original_super_user_signs_in_with_the_original_password_and_submits_feedback() {
        String token = api.token("super@pratiko.it", TestDatabase.ORIGINAL_SUPER_USER_PASSWORD);

        Api.Response profile = api.get("/api/v1/expert-feedback/experts/me/profile", token);
        assertThat(profile.status()).as(profile.body()).isEqualTo(200);
        // Its credential "admin" is kept, outside our types: no trust weight, listed apart.
        assertThat(texts(profile.json().get("credential_types"))).isEmpty();
        assertThat(texts(profile.json().get("other_credential_types"))).containsExactly("admin");
        assertThat(profile.json().get("feedback_count").asInt()).isEqualTo(50);

        // Its history holds a category label outside ours: listed as stored, never a failure.
        Api.Response history = api.get("/api/v1/expert-feedback/history?limit=100", token);
        assertThat(history.status()).as(history.body()).isEqualTo(200);
        assertThat(history.json().get("items").valueStream().map(item -> item.path("category").toString()))
                .contains("\"non_classificato\"");

        Api.Response submitted = api.post("/api/v1/expert-feedback/submit", token, feedback());
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        // The first recompute replaced the assistant's figures, audited once with before/after.
        List<String> audited = jdbc.queryForList("""
                select before_state::text || ' -> ' || after_state::text from audit_log
                where action = 'adopted_metrics_recomputed' and entity_id = (
                    select p.id::text from expert_profiles p join "user" u on u.id = p.user_id
                    where u.email = 'super@pratiko.it')""", String.class);
        assertThat(audited).singleElement().satisfies(line -> assertThat(line)
                .contains("\"feedback_count\": 50", "\"trust_score\": 0.88", "\"feedback_accuracy_rate\": 0.92")
                // 4 current rows (2 older duplicates superseded, out of metrics) + the new one.
                .satisfies(recomputed -> assertThat(recomputed.substring(recomputed.indexOf("->")))
                        .contains("\"feedback_count\": 5")));
        assertThat(api.post("/api/v1/expert-feedback/submit", token, feedback()).status()).isEqualTo(201);
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'adopted_metrics_recomputed'",
                Integer.class)).isOne();
    }

    @Test
    void an_expert_whose_profile_holds_ADMIN_sees_its_profile_and_submits() {
        String token = api.token("esperto@pratiko.it", TestDatabase.ORIGINAL_EXPERT_PASSWORD);
        Api.Response profile = api.get("/api/v1/expert-feedback/experts/me/profile", token);
        assertThat(profile.status()).as(profile.body()).isEqualTo(200);
        assertThat(texts(profile.json().get("credential_types"))).containsExactly("revisore_legale");
        assertThat(texts(profile.json().get("other_credential_types"))).containsExactly("ADMIN");
        Api.Response submitted = api.post("/api/v1/expert-feedback/submit", token, feedback());
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        // The recompute wrote the profile back: the label the enum does not know is still there.
        assertThat(jdbc.queryForObject("""
                select credential_types::text from expert_profiles p join "user" u on u.id = p.user_id
                where u.email = 'esperto@pratiko.it'""", String.class)).isEqualTo("{ADMIN,revisore_legale}");
    }

    @Test
    void the_original_admin_opens_the_admin_endpoints_and_the_report_lists_the_labels() {
        String token = api.token("admin@pratiko.it", TestDatabase.ORIGINAL_ADMIN_PASSWORD);

        Api.Response experts = api.get("/api/v1/admin/experts", token);
        assertThat(experts.status()).as(experts.body()).isEqualTo(200);
        assertThat(experts.json().get("items")).hasSize(2);
        List<String> others = experts.json().get("items").valueStream()
                .flatMap(item -> texts(item.get("other_credential_labels")).stream()).sorted().toList();
        assertThat(others).containsExactly("ADMIN", "admin");
        for (JsonNode item : experts.json().get("items")) {
            Api.Response detail = api.get("/api/v1/admin/experts/" + item.get("id").asString(), token);
            assertThat(detail.status()).as(detail.body()).isEqualTo(200);
        }
        assertThat(api.get("/api/v1/admin/users", token).status()).isEqualTo(200);

        Api.Response report = api.get("/api/v1/admin/adoption-report", token);
        assertThat(report.status()).as(report.body()).isEqualTo(200);
        assertThat(texts(report.json().get("unknown_labels"))).contains("credential_types: ADMIN x1",
                "credential_types: admin x1", "category: non_classificato x1");
        assertThat(report.json().get("superseded_feedback")).hasSize(2);
        assertThat(texts(report.json().get("blocks"))).isEmpty();
        // Not for experts.
        String expert = api.token("super@pratiko.it", TestDatabase.ORIGINAL_SUPER_USER_PASSWORD);
        assertThat(api.get("/api/v1/admin/adoption-report", expert).status()).isEqualTo(403);
    }

    @Test
    void a_regular_user_and_an_oauth_user_are_refused_cleanly() {
        // A regular user of the assistant has no role here: signed in, but no profile (404) and every feature 403.
        String token = api.token("utente@pratiko.it", TestDatabase.ORIGINAL_USER_PASSWORD);
        assertThat(api.get("/api/v1/expert-feedback/experts/me/profile", token).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/expert-feedback/submit", token, feedback()).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/admin/experts", token).status()).isEqualTo(403);

        // An OAuth account has no password: 401 with the same answer a wrong password or unknown email gets.
        Api.Response oauth = api.login("oauth@gmail.com", "any-password-at-all");
        Api.Response unknown = api.login("nobody@nowhere.it", "any-password-at-all");
        assertThat(oauth.status()).isEqualTo(401);
        assertThat(oauth.body()).contains("Google or LinkedIn").isEqualTo(unknown.body());
        assertThat(api.login("oauth@gmail.com", "").status()).isIn(401, 422);
    }

    private static String feedback() {
        var body = JSON.createObjectNode();
        body.put("query_id", UUID.randomUUID().toString());
        body.put("feedback_type", "incomplete");
        body.put("category", "caso_mancante");
        body.put("query_text", "Il regime forfettario si applica anche ai soci di una SNC?");
        body.put("original_answer", "Sì, sempre.");
        body.put("expert_answer", "No: la partecipazione in una società di persone è causa ostativa.");
        body.put("confidence_score", 0.8);
        body.put("time_spent_seconds", 120);
        body.put("additional_details", "Art. 1, comma 57, L. 190/2014: causa ostativa.");
        return body.toString();
    }

    private static List<String> texts(JsonNode array) {
        return array == null ? List.of() : array.valueStream().map(JsonNode::asString).toList();
    }
}
