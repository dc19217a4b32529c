package it.expertfeedback.security;

import static org.assertj.core.api.Assertions.assertThat;

import it.expertfeedback.support.Api;
import it.expertfeedback.support.KeepsSecurityContextStrategy;
import it.expertfeedback.support.SeparateApplication;
import it.expertfeedback.support.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The limits are settings: an application of its own with very low ones shows the 429 answers (per client address
 * for login, per token for the API) without a test having to send thousands of requests.
 */
@ExtendWith(KeepsSecurityContextStrategy.class)
class RateLimitTest {

    private static final String PASSWORD = "Limit-test-2026";
    private static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    static ConfigurableApplicationContext app;
    static Api api;
    static int port;

    @BeforeAll
    static void start() {
        app = SeparateApplication.onDatabase(TestDatabase.freshDatabaseUrl("ratelimit"), "efs.demo-data=false",
                "efs.admin.password=Admin-limit-2026", "efs.rate-limit.api-per-token=5",
                "efs.rate-limit.login-per-ip=4", "efs.rate-limit.login-per-email=100");
        port = ((WebServerApplicationContext) app).getWebServer().getPort();
        api = new Api(port);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static String newReviewer() {
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        String email = "limit-" + System.nanoTime() + "@efs.test";
        Integer id = jdbc.queryForObject("insert into \"user\" (email, display_name, password_hash) values (?, 'Limit', ?) returning id",
                Integer.class, email, app.getBean(PasswordEncoder.class).encode(PASSWORD));
        jdbc.update("insert into user_role (user_id, role) values (?, 'REVIEWER')", id);
        return email;
    }

    @Test
    void logins_past_the_per_address_limit_are_429_while_another_client_behind_the_proxy_still_signs_in()
            throws Exception {
        String known = newReviewer();
        String from = "198.51.100." + (System.nanoTime() % 200 + 1);
        for (int attempt = 1; attempt <= 4; attempt++) {
            assertThat(login(known, attempt % 2 == 0 ? PASSWORD : "wrong", from).statusCode()).isIn(200, 401);
        }

        HttpResponse<String> refused = login(known, PASSWORD, from);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(refused.body()).contains("\"status\":429");
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 60L));
        assertThat(login(known, PASSWORD, "203.0.113.77").statusCode()).isEqualTo(200);
    }

    @Test
    void api_calls_past_the_per_token_limit_are_429_with_retry_after_and_other_tokens_go_on() throws Exception {
        String first = api.token(newReviewer(), PASSWORD);
        String second = api.token(newReviewer(), PASSWORD);
        for (int call = 1; call <= 5; call++) {
            assertThat(api.get("/api/v1/faq?limit=1", first).status()).as("call " + call).isEqualTo(200);
        }

        Api.Response refused = api.get("/api/v1/faq?limit=1", first);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("status").asInt()).isEqualTo(429);
        assertThat(refused.raw().headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 60L));
        assertThat(api.get("/api/v1/faq?limit=1", second).status()).isEqualTo(200);
    }

    @Test
    void the_browser_login_form_shares_the_per_address_limit() throws Exception {
        String from = "192.0.2." + (System.nanoTime() % 200 + 1);
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("X-Forwarded-For", from).GET().build(), HttpResponse.BodyHandlers.ofString());
        String session = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring("JSESSIONID=".length(), c.indexOf(';'))).findFirst().orElseThrow();
        java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"")
                .matcher(page.body());
        assertThat(csrf.find()).isTrue();
        String form = "username=nobody%40efs.test&password=wrong&_csrf="
                + java.net.URLEncoder.encode(csrf.group(1), java.nio.charset.StandardCharsets.UTF_8);
        HttpRequest post = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-Forwarded-For", from)
                .header("Cookie", "JSESSIONID=" + session).POST(HttpRequest.BodyPublishers.ofString(form)).build();
        for (int attempt = 1; attempt <= 4; attempt++) {
            HttpResponse<String> refused = http.send(post, HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(302);
            assertThat(refused.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
        }

        HttpResponse<String> limited = http.send(post, HttpResponse.BodyHandlers.ofString());

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        assertThat(limited.body()).contains("Troppi tentativi");
    }

    /** A login as it arrives through a TLS proxy on this host, which names the real client in X-Forwarded-For. */
    private static HttpResponse<String> login(String email, String password, String clientAddress) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/auth/login"))
                .header("Content-Type", "application/json").header("X-Forwarded-For", clientAddress)
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}")).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
