package it.expertfeedback.base.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import it.expertfeedback.support.Api;
import it.expertfeedback.support.KeepsSecurityContextStrategy;
import it.expertfeedback.support.SeparateApplication;
import java.io.IOException;
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

            postgres.close();

            assertUnavailable(() -> api.get("/api/v1/faq?limit=1", token), "an API call with a valid token");
            assertUnavailable(() -> api.login(email, "Outage-test-2026"), "a login");
            Timed<Api.Response> health = timed(() -> api.get("/actuator/health", null));
            assertThat(health.elapsed()).isLessThan(LIMIT);
            assertThat(health.value().status()).isEqualTo(503);
            assertThat(health.value().body()).contains("\"status\":\"DOWN\"");

            postgres = startPostgres(dataDir, pgPort);

            Api.Response recovered = waitFor(() -> api.get("/api/v1/faq?limit=1", token), Duration.ofSeconds(30));
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
        assertThat(answer.elapsed()).as(what + " answered in").isLessThan(LIMIT);
        assertThat(response.status()).as(what + ": " + response.body()).isEqualTo(503);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(503);
        assertThat(response.raw().headers().firstValue("Location")).isEmpty();
        assertThat(response.raw().headers().firstValue("Retry-After")).isPresent();
        assertThat(response.body()).doesNotContain("Exception", "postgres", "jdbc");
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
