package it.expertfeedback.security;

import static org.assertj.core.api.Assertions.assertThat;

import it.expertfeedback.support.Api;
import it.expertfeedback.support.IntegrationTest;
import it.expertfeedback.support.TestUsers;
import java.sql.Timestamp;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

@IntegrationTest
class SecurityApiTest {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers testUsers;

    @Autowired
    JdbcTemplate jdbc;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void login_returns_a_bearer_token_as_the_contract_says() {
        TestUsers.Created user = testUsers.create("REVIEWER");
        Api.Response response = api.login(user.email(), TestUsers.PASSWORD);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("access_token").asString()).isNotBlank();
        assertThat(response.json().get("token_type").asString()).isEqualTo("bearer");
        assertThat(response.json().get("expires_in").asLong()).isEqualTo(3600);
    }

    @Test
    void login_is_case_insensitive_on_the_email() {
        TestUsers.Created user = testUsers.create("REVIEWER");
        assertThat(api.login(user.email().toUpperCase(), TestUsers.PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void login_with_bad_credentials_is_401_problem_json() {
        TestUsers.Created user = testUsers.create("EXPERT");

        Api.Response wrongPassword = api.login(user.email(), "wrong-password");
        Api.Response unknownUser = api.login("nobody@efs.test", "whatever");

        for (Api.Response response : new Api.Response[] {wrongPassword, unknownUser}) {
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().get("status").asInt()).isEqualTo(401);
        }
    }

    @Test
    void login_without_fields_is_422_naming_the_fields() {
        Api.Response response = api.post("/api/v1/auth/login", null, "{\"email\":\"\"}");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").has("email")).isTrue();
        assertThat(response.json().get("errors").has("password")).isTrue();
    }

    @Test
    void api_without_token_is_401_problem_json_and_never_a_redirect() {
        Api.Response response = api.get("/api/v1/expert-feedback/experts/me/profile", null);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.raw().headers().firstValue("Location")).isEmpty();
    }

    @Test
    void api_with_a_forged_token_is_401() {
        Api.Response response = api.get("/api/v1/expert-feedback/experts/me/profile",
                "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void api_with_the_wrong_role_is_403_problem_json() {
        TestUsers.Created expert = testUsers.createVerifiedExpert();
        String token = api.token(expert.email(), TestUsers.PASSWORD);

        Api.Response response = api.get("/api/v1/admin/users", token);

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void an_admin_token_lists_users() {
        TestUsers.Created admin = testUsers.create("ADMIN");
        String token = api.token(admin.email(), TestUsers.PASSWORD);

        Api.Response response = api.get("/api/v1/admin/users?limit=5", token);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("items").size()).isEqualTo(5);
        assertThat(response.json().get("total_count").asLong()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void my_profile_is_returned_to_an_expert_and_404_without_a_profile() {
        TestUsers.Created expert = testUsers.createVerifiedExpert();
        TestUsers.Created reviewer = testUsers.create("REVIEWER");

        Api.Response mine = api.get("/api/v1/expert-feedback/experts/me/profile",
                api.token(expert.email(), TestUsers.PASSWORD));
        Api.Response none = api.get("/api/v1/expert-feedback/experts/me/profile",
                api.token(reviewer.email(), TestUsers.PASSWORD));

        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.json().get("user_id").asInt()).isEqualTo(expert.id());
        assertThat(mine.json().get("credential_types").get(0).asString()).isEqualTo("dottore_commercialista");
        assertThat(mine.json().get("is_verified").asBoolean()).isTrue();
        assertThat(mine.json().get("trust_score").asDouble()).isEqualTo(0.5);
        assertThat(mine.json().get("role").asString()).isEqualTo("super_user");
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.contentType()).startsWith("application/problem+json");
    }

    @Test
    void five_wrong_passwords_lock_the_account_for_fifteen_minutes() {
        TestUsers.Created user = testUsers.create("EXPERT");

        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(api.login(user.email(), "wrong-" + attempt).status()).isEqualTo(401);
        }
        Api.Response rightPasswordWhileLocked = api.login(user.email(), TestUsers.PASSWORD);

        assertThat(rightPasswordWhileLocked.status()).isEqualTo(401);
        assertThat(rightPasswordWhileLocked.json().get("detail").asString()).contains("locked");
        Timestamp lockedUntil = jdbc.queryForObject("select locked_until from \"user\" where id = ?",
                Timestamp.class, user.id());
        assertThat(lockedUntil.toInstant()).isBetween(Instant.now().plusSeconds(14 * 60), Instant.now().plusSeconds(15 * 60 + 5));
    }

    @Test
    void four_wrong_passwords_then_the_right_one_resets_the_counter() {
        TestUsers.Created user = testUsers.create("EXPERT");
        for (int attempt = 1; attempt <= 4; attempt++) {
            api.login(user.email(), "wrong-" + attempt);
        }

        assertThat(api.login(user.email(), TestUsers.PASSWORD).status()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select failed_login_attempts from \"user\" where id = ?", Integer.class, user.id()))
                .isZero();
    }

    @Test
    void an_expired_lock_lets_the_user_in_again() {
        TestUsers.Created user = testUsers.create("EXPERT");
        jdbc.update("update \"user\" set failed_login_attempts = 5, locked_until = now() - interval '1 minute' where id = ?",
                user.id());

        assertThat(api.login(user.email(), TestUsers.PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void a_disabled_account_cannot_log_in_nor_use_an_old_token() {
        TestUsers.Created user = testUsers.create("REVIEWER");
        String token = api.token(user.email(), TestUsers.PASSWORD);
        jdbc.update("update \"user\" set enabled = false where id = ?", user.id());

        assertThat(api.login(user.email(), TestUsers.PASSWORD).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/admin/users", token).status()).isEqualTo(401);
    }

    @Test
    void anonymous_browser_is_sent_to_the_login_view() {
        Api.Response response = api.get("/", null);

        assertThat(response.status()).isEqualTo(302);
        assertThat(response.raw().headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login"));
    }

    @Test
    void health_reports_up_with_the_database_and_needs_no_login() {
        Api.Response response = api.get("/actuator/health", null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"status\":\"UP\"}");
    }
}
