package it.expertfeedback.expert;

import static org.assertj.core.api.Assertions.assertThat;

import it.expertfeedback.support.Api;
import it.expertfeedback.support.IntegrationTest;
import it.expertfeedback.support.TestUsers;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The admin experts API over real HTTP: same rules as the UI, problem+json errors. */
@IntegrationTest
class ExpertAdminApiTest {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers testUsers;

    @Autowired
    JdbcTemplate jdbc;

    Api api;
    String adminToken;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        adminToken = api.token(testUsers.create("ADMIN").email(), TestUsers.PASSWORD);
    }

    @Test
    void admin_creates_verifies_updates_and_deactivates_an_expert() {
        String email = "api-" + UUID.randomUUID().toString().substring(0, 8) + "@efs.test";
        Api.Response created = api.post("/api/v1/admin/experts", adminToken, """
                {"email": "%s", "display_name": "Lucia Esposito", "credential_types": ["dottore_commercialista"],
                 "experience_years": 0, "specializations": ["IVA"], "organization": "Studio Esposito"}""".formatted(email));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("expert").get("id").asString();
        String password = created.json().get("one_time_password").asString();
        assertThat(created.raw().headers().firstValue("Location")).hasValue("/api/v1/admin/experts/" + id);
        assertThat(created.json().get("expert").get("trust_score").asDouble()).isEqualTo(0.21);

        Api.Response verified = api.post("/api/v1/admin/experts/" + id + "/verify", adminToken, "");
        assertThat(verified.status()).isEqualTo(200);
        assertThat(verified.json().get("is_verified").asBoolean()).isTrue();
        assertThat(verified.json().get("trust_score").asDouble()).isEqualTo(0.51);
        assertThat(verified.json().get("trust_breakdown").get("credentials").asDouble()).isEqualTo(0.30);

        // The new expert signs in with the one-time password, must replace it first (DOMAIN.md §10), signs in again
        // and sees the same trust on their own profile.
        String oneTimeToken = api.token(email, password);
        assertThat(api.post("/api/v1/auth/password", oneTimeToken, """
                {"current_password": "%s", "new_password": "Esperta-nuova-2026"}""".formatted(password)).status())
                .isEqualTo(204);
        String expertToken = api.token(email, "Esperta-nuova-2026");
        Api.Response mine = api.get("/api/v1/expert-feedback/experts/me/profile", expertToken);
        assertThat(mine.json().get("trust_score").asDouble()).isEqualTo(0.51);

        long version = verified.json().get("version").asLong();
        Api.Response updated = api.put("/api/v1/admin/experts/" + id, adminToken, """
                {"credential_types": ["dottore_commercialista"], "experience_years": 20, "specializations": ["IVA"],
                 "version": %d}""".formatted(version));
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.json().get("trust_score").asDouble()).isEqualTo(0.76);

        Api.Response stale = api.put("/api/v1/admin/experts/" + id, adminToken, """
                {"experience_years": 3, "version": %d}""".formatted(version));
        assertThat(stale.status()).isEqualTo(409);

        Api.Response deactivated = api.post("/api/v1/admin/experts/" + id + "/deactivate", adminToken, "");
        assertThat(deactivated.json().get("is_active").asBoolean()).isFalse();
        assertThat(jdbc.queryForList("select action from audit_log where entity_id = ? order by id", String.class, id))
                .containsExactly("created", "verified", "updated", "deactivated");
    }

    @Test
    void duplicate_profile_is_409_and_invalid_fields_are_422_with_names() {
        TestUsers.Created user = testUsers.createVerifiedExpert();
        Api.Response duplicate = api.post("/api/v1/admin/experts", adminToken, """
                {"user_id": %d, "experience_years": 1}""".formatted(user.id()));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.contentType()).startsWith("application/problem+json");
        assertThat(duplicate.json().get("detail").asString()).contains("already has an expert profile");

        TestUsers.Created plain = testUsers.create();
        Api.Response invalid = api.post("/api/v1/admin/experts", adminToken, """
                {"user_id": %d, "experience_years": 99, "organization": "%s", "credential_types": ["astrologo"]}"""
                .formatted(plain.id(), "x".repeat(201)));
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.json().get("errors").has("credential_types")).isTrue();

        Api.Response outOfRange = api.post("/api/v1/admin/experts", adminToken, """
                {"user_id": %d, "experience_years": 99, "organization": "%s"}""".formatted(plain.id(), "x".repeat(201)));
        assertThat(outOfRange.status()).isEqualTo(422);
        assertThat(outOfRange.json().get("errors").get("experience_years").asString()).isEqualTo("Must be between 0 and 70");
        assertThat(outOfRange.json().get("errors").get("organization").asString()).isEqualTo("At most 200 characters");
        assertThat(jdbc.queryForObject("select count(*) from expert_profiles where user_id = ?", Integer.class, plain.id())).isZero();
    }

    @Test
    void list_filters_and_pages_and_reviewers_and_experts_are_refused() {
        Api.Response page = api.get("/api/v1/admin/experts?verified=true&active=true&limit=5&offset=0", adminToken);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json().get("items").size()).isEqualTo(5);
        assertThat(page.json().get("total_count").asLong()).isGreaterThan(5);
        double previous = 1.0;
        for (var item : page.json().get("items")) {
            assertThat(item.get("verified").asBoolean()).isTrue();
            assertThat(item.get("trust_score").asDouble()).isLessThanOrEqualTo(previous);
            previous = item.get("trust_score").asDouble();
        }
        assertThat(api.get("/api/v1/admin/experts?sort=password", adminToken).status()).isEqualTo(422);

        String reviewer = api.token(testUsers.create("REVIEWER").email(), TestUsers.PASSWORD);
        assertThat(api.get("/api/v1/admin/experts", reviewer).status()).isEqualTo(403);
        String expert = api.token(testUsers.createVerifiedExpert().email(), TestUsers.PASSWORD);
        assertThat(api.post("/api/v1/admin/experts", expert, "{\"user_id\": 1}").status()).isEqualTo(403);
        assertThat(api.get("/api/v1/admin/experts", null).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/admin/experts/" + UUID.randomUUID(), adminToken).status()).isEqualTo(404);
    }
}
