package it.expertfeedback.security;

import static org.assertj.core.api.Assertions.assertThat;

import it.expertfeedback.support.Api;
import it.expertfeedback.support.IntegrationTest;
import it.expertfeedback.support.TestUsers;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The assistant's existing chat client over real HTTP (DOMAIN.md §9): its browser preflights from another origin,
 * its OAuth2 password-style form login, and its refresh tokens.
 */
@IntegrationTest
class AssistantLoginTest {

    @LocalServerPort
    int port;

    @Autowired
    TestUsers testUsers;

    @Autowired
    JdbcTemplate jdbc;

    Api api;
    TestUsers.Created expert;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        expert = testUsers.createVerifiedExpert();
    }

    private Api.Response preflight(String origin) {
        return api.send(api.request("/api/v1/expert-feedback/submit")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type"));
    }

    @Test
    void preflight_from_an_allowed_origin_is_answered_without_authentication_with_the_allow_headers() {
        Api.Response response = preflight(IntegrationTest.ASSISTANT_ORIGIN);

        assertThat(response.status()).as(response.body()).isIn(200, 204);
        var headers = response.raw().headers();
        assertThat(headers.firstValue("Access-Control-Allow-Origin")).hasValue(IntegrationTest.ASSISTANT_ORIGIN);
        assertThat(headers.firstValue("Access-Control-Allow-Methods").orElse("")).contains("POST");
        assertThat(headers.firstValue("Access-Control-Allow-Headers").orElse("").toLowerCase())
                .contains("authorization").contains("content-type");

        // The real call that follows carries the allow header too, also when it fails (the client reads the error).
        String token = api.token(expert.email(), TestUsers.PASSWORD);
        Api.Response call = api.send(api.request("/api/v1/expert-feedback/experts/me/profile")
                .header("Origin", IntegrationTest.ASSISTANT_ORIGIN).header("Authorization", "Bearer " + token).GET());
        assertThat(call.status()).isEqualTo(200);
        assertThat(call.raw().headers().firstValue("Access-Control-Allow-Origin")).hasValue(IntegrationTest.ASSISTANT_ORIGIN);
        Api.Response unauthenticated = api.send(api.request("/api/v1/expert-feedback/history")
                .header("Origin", IntegrationTest.ASSISTANT_ORIGIN).GET());
        assertThat(unauthenticated.status()).isEqualTo(401);
        assertThat(unauthenticated.raw().headers().firstValue("Access-Control-Allow-Origin"))
                .hasValue(IntegrationTest.ASSISTANT_ORIGIN);
    }

    @Test
    void preflight_from_another_origin_gets_no_allow_header() {
        Api.Response response = preflight("https://evil.example");

        assertThat(response.raw().headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(response.status()).isNotIn(200, 204);
        String token = api.token(expert.email(), TestUsers.PASSWORD);
        Api.Response call = api.send(api.request("/api/v1/expert-feedback/experts/me/profile")
                .header("Origin", "https://evil.example").header("Authorization", "Bearer " + token).GET());
        assertThat(call.raw().headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    private static void assertLoginFields(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode json = response.json();
        assertThat(json.get("access_token").isString()).isTrue();
        assertThat(json.get("refresh_token").isString()).isTrue();
        assertThat(json.get("refresh_token").asString()).isNotBlank().isNotEqualTo(json.get("access_token").asString());
        assertThat(json.get("token_type").asString()).isEqualTo("bearer");
        assertThat(json.get("expires_in").isNumber()).isTrue();
        assertThat(json.get("expires_in").asLong()).isEqualTo(3600);
        Instant expiresAt = Instant.parse(json.get("expires_at").asString());
        assertThat(Duration.between(Instant.now(), expiresAt)).isBetween(Duration.ofMinutes(59), Duration.ofMinutes(61));
    }

    private Api.Response formLogin(String email, String password) {
        String form = "username=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&grant_type=password";
        return api.send(api.request("/api/v1/auth/login").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private Api.Response multipartLogin(String email, String password) {
        String boundary = "----efs" + UUID.randomUUID();
        StringBuilder body = new StringBuilder();
        for (String[] field : new String[][] {{"username", email}, {"password", password}, {"grant_type", "password"}}) {
            body.append("--").append(boundary).append("\r\n")
                    .append("Content-Disposition: form-data; name=\"").append(field[0]).append("\"\r\n\r\n")
                    .append(field[1]).append("\r\n");
        }
        body.append("--").append(boundary).append("--\r\n");
        return api.send(api.request("/api/v1/auth/login")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    @Test
    void form_multipart_and_json_login_all_answer_the_same_fields_and_the_token_works() {
        Api.Response form = formLogin(expert.email(), TestUsers.PASSWORD);
        Api.Response multipart = multipartLogin(expert.email(), TestUsers.PASSWORD);
        Api.Response json = api.login(expert.email(), TestUsers.PASSWORD);

        assertLoginFields(form);
        assertLoginFields(multipart);
        assertLoginFields(json);
        for (Api.Response login : new Api.Response[] {form, multipart, json}) {
            assertThat(api.get("/api/v1/expert-feedback/experts/me/profile",
                    login.json().get("access_token").asString()).status()).isEqualTo(200);
        }
        // A wrong password is the same refusal as for the JSON login, never a 415.
        Api.Response wrong = formLogin(expert.email(), "wrong-password");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.contentType()).startsWith("application/problem+json");
    }

    private Api.Response refresh(String refreshToken) {
        return api.post("/api/v1/auth/refresh", null, "{\"refresh_token\": \"" + refreshToken + "\"}");
    }

    @Test
    void a_refresh_token_works_once_and_is_rotated_then_401() {
        String first = formLogin(expert.email(), TestUsers.PASSWORD).json().get("refresh_token").asString();

        Api.Response renewed = refresh(first);
        assertLoginFields(renewed);
        assertThat(api.get("/api/v1/expert-feedback/history", renewed.json().get("access_token").asString()).status())
                .isEqualTo(200);

        Api.Response reused = refresh(first);
        assertThat(reused.status()).isEqualTo(401);
        assertThat(reused.contentType()).startsWith("application/problem+json");

        String second = renewed.json().get("refresh_token").asString();
        assertThat(second).isNotEqualTo(first);
        assertLoginFields(refresh(second));
        assertThat(refresh(second).status()).isEqualTo(401);
        assertThat(refresh("not-a-token").status()).isEqualTo(401);
        // Only a hash is stored.
        assertThat(jdbc.queryForObject("select count(*) from refresh_token where token_hash = ?", Long.class, first))
                .isZero();
    }

    @Test
    void a_change_of_the_account_revokes_its_refresh_tokens_like_its_access_tokens() {
        String refreshToken = api.login(expert.email(), TestUsers.PASSWORD).json().get("refresh_token").asString();
        // What a password change, lock, disable or role change does (V11's token_version).
        jdbc.update("update \"user\" set token_version = token_version + 1 where id = ?", expert.id());

        assertThat(refresh(refreshToken).status()).isEqualTo(401);
    }
}
