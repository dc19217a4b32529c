package it.expertfeedback.base.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import it.expertfeedback.support.Api;
import it.expertfeedback.support.KeepsSecurityContextStrategy;
import it.expertfeedback.support.SeparateApplication;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * DOMAIN.md §10: the database goes away under a running application (its own PostgreSQL, really stopped) and comes
 * back. While it is gone the API answers 503 problem+json within 5 s, never a redirect or a wrong 401; health is
 * DOWN; once it is back everything works again without a restart.
 */
@ExtendWith(KeepsSecurityContextStrategy.class)
class DatabaseOutageTest {

    private static final Duration LIMIT = Duration.ofSeconds(5);
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DatabaseOutageTest.class);

    @Test
    void database_down_is_503_problem_json_within_five_seconds_and_the_application_recovers() throws Exception {
        Path dataDir = Files.createTempDirectory("efs-outage-pg");
        int pgPort = freePort();
        EmbeddedPostgres postgres = startPostgres(dataDir, pgPort);
        try (ConfigurableApplicationContext app = SeparateApplication.start(
                "spring.datasource.url=jdbc:postgresql://localhost:" + pgPort + "/postgres",
                "spring.datasource.username=postgres", "spring.datasource.password=",
                "efs.demo-data=false", "efs.admin.password=Admin-outage-2026")) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            Api api = new Api(port);
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            String email = "outage-" + System.nanoTime() + "@efs.test";
            Integer id = jdbc.queryForObject("insert into \"user\" (email, display_name, password_hash) values (?, 'Outage', ?) returning id",
                    Integer.class, email, app.getBean(PasswordEncoder.class).encode("Outage-test-2026"));
            jdbc.update("insert into user_role (user_id, role) values (?, 'REVIEWER')", id);
            String token = api.token(email, "Outage-test-2026");
            assertThat(api.get("/api/v1/faq?limit=1", token).status()).isEqualTo(200);

            BrowserLogin browser = BrowserLogin.open(port);

            postgres.close();

            assertUnavailable(() -> api.get("/api/v1/faq?limit=1", token), "an API call with a valid token");
            assertUnavailable(() -> api.login(email, "Outage-test-2026"), "a login");
            Timed<Api.Response> health = timed(() -> api.get("/actuator/health", null));
            log.info("Database down: health answered {} in {} ms", health.value().status(), health.elapsed().toMillis());
            assertThat(health.elapsed()).isLessThan(LIMIT);
            assertThat(health.value().status()).isEqualTo(503);
            assertThat(health.value().body()).contains("\"status\":\"DOWN\"");

            // The browser's login form does not call it a wrong password either.
            Timed<HttpResponse<String>> form = timed(() -> browser.submit(email, "Outage-test-2026"));
            log.info("Database down: the login form answered {} in {} ms", form.value().statusCode(), form.elapsed().toMillis());
            assertThat(form.elapsed()).isLessThan(LIMIT);
            assertThat(form.value().statusCode()).isEqualTo(302);
            assertThat(form.value().headers().firstValue("Location").orElseThrow()).endsWith("/login?unavailable");

            postgres = startPostgres(dataDir, pgPort);

            Timed<Api.Response> recovery = timed(() -> {
                try {
                    return waitFor(() -> api.get("/api/v1/faq?limit=1", token), Duration.ofSeconds(30));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            });
            Api.Response recovered = recovery.value();
            log.info("Database back: the API answered {} after {} ms", recovered.status(), recovery.elapsed().toMillis());
            assertThat(recovered.status()).as(recovered.body()).isEqualTo(200);
            assertThat(api.get("/actuator/health", null).body()).isEqualTo("{\"status\":\"UP\"}");
            assertThat(api.login(email, "Outage-test-2026").status()).isEqualTo(200);
        } finally {
            postgres.close();
        }
    }

    private static void assertUnavailable(Supplier<Api.Response> call, String what) {
        Timed<Api.Response> answer = timed(call);
        Api.Response response = answer.value();
        log.info("Database down: {} answered {} in {} ms", what, response.status(), answer.elapsed().toMillis());
        assertThat(answer.elapsed()).as(what + " answered in").isLessThan(LIMIT);
        assertThat(response.status()).as(what + ": " + response.body()).isEqualTo(503);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(503);
        assertThat(response.raw().headers().firstValue("Location")).isEmpty();
        assertThat(response.raw().headers().firstValue("Retry-After")).isPresent();
        assertThat(response.body()).doesNotContain("Exception", "postgres", "jdbc");
    }

    /** The login page's session and CSRF token, as the browser holds them before submitting the form. */
    private record BrowserLogin(int port, String session, String csrf) {

        private static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

        static BrowserLogin open(int port) throws IOException, InterruptedException {
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            String session = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                    .map(c -> c.substring("JSESSIONID=".length(), c.indexOf(';'))).findFirst().orElseThrow();
            Matcher csrf = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"").matcher(page.body());
            assertThat(csrf.find()).isTrue();
            return new BrowserLogin(port, session, csrf.group(1));
        }

        HttpResponse<String> submit(String email, String password) {
            String form = "username=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
            try {
                return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", "JSESSIONID=" + session)
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static Api.Response waitFor(Supplier<Api.Response> call, Duration atMost) throws InterruptedException {
        Instant deadline = Instant.now().plus(atMost);
        Api.Response response = call.get();
        while (response.status() != 200 && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
            response = call.get();
        }
        return response;
    }

    private record Timed<T>(T value, Duration elapsed) {
    }

    private static <T> Timed<T> timed(Supplier<T> call) {
        long start = System.nanoTime();
        T value = call.get();
        return new Timed<>(value, Duration.ofNanos(System.nanoTime() - start));
    }

    private static EmbeddedPostgres startPostgres(Path dataDir, int port) throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false).setPort(port).start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
