package it.expertfeedback.base.ops;

import static org.assertj.core.api.Assertions.assertThat;

import it.expertfeedback.base.db.StartupLock;
import it.expertfeedback.support.Api;
import it.expertfeedback.support.KeepsSecurityContextStrategy;
import it.expertfeedback.support.SeparateApplication;
import it.expertfeedback.support.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * DOMAIN.md §10: neither /actuator/health nor readiness says UP before migrations, demo seeding and the admin
 * bootstrap are done; liveness does (the process is healthy, only busy). Made deterministic by holding the start-up
 * advisory lock from the test: the application migrates, opens its port, and then waits for the lock in its seeding.
 */
@ExtendWith(KeepsSecurityContextStrategy.class)
class StartupReadinessTest {

    private static final String CONFIGURED_ADMIN = "titolare@studio-demo.it";

    @Test
    void health_and_readiness_wait_for_seeding_and_bootstrap_and_the_configured_admin_exists_next_to_the_demo_data()
            throws Exception {
        String url = TestDatabase.freshDatabaseUrl("readiness");
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(url, "postgres", "postgres"));
        int port = freePort();
        Api api = new Api(port);
        CompletableFuture<ConfigurableApplicationContext> starting;
        try (Connection holder = DriverManager.getConnection(url, "postgres", "postgres")) {
            try (Statement statement = holder.createStatement()) {
                statement.execute("select pg_advisory_lock(" + StartupLock.KEY + ")");
            }
            starting = CompletableFuture.supplyAsync(() -> SeparateApplication.onDatabase(url,
                    "server.port=" + port, "efs.demo-data=true", "efs.admin.email=" + CONFIGURED_ADMIN,
                    "efs.admin.password=Titolare-2026!"));

            Api.Response health = awaitAnswer(api, starting);
            // Migrated and serving HTTP, but the seeding waits for the lock: not ready, and nothing seeded yet.
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.body()).isEqualTo("{\"status\":\"OUT_OF_SERVICE\"}");
            assertThat(api.get("/actuator/health/readiness", null).status()).isEqualTo(503);
            Api.Response liveness = api.get("/actuator/health/liveness", null);
            assertThat(liveness.status()).isEqualTo(200);
            assertThat(liveness.body()).isEqualTo("{\"status\":\"UP\"}");
            assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history where success", Long.class))
                    .isEqualTo(TestDatabase.migrationVersions().size());
            assertThat(jdbc.queryForObject("select count(*) from \"user\"", Long.class)).isZero();
            // Still waiting a moment later: it is the seeding that holds readiness back, not a slow start.
            Thread.sleep(1_000);
            assertThat(starting).isNotDone();
            assertThat(api.get("/actuator/health", null).status()).isEqualTo(503);
        }
        // The lock is released with the holder's connection: seeding and bootstrap run, then the application is ready.
        try (ConfigurableApplicationContext app = starting.get(3, TimeUnit.MINUTES)) {
            Api.Response health = api.get("/actuator/health", null);
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.body()).isEqualTo("{\"status\":\"UP\"}");
            assertThat(api.get("/actuator/health/readiness", null).body()).isEqualTo("{\"status\":\"UP\"}");

            // With demo data on, EFS_ADMIN_EMAIL is not ignored: that administrator exists next to the demo accounts.
            assertThat(jdbc.queryForList("""
                    select r.role from "user" u join user_role r on r.user_id = u.id where u.email = ?""",
                    String.class, CONFIGURED_ADMIN)).containsExactly("ADMIN");
            assertThat(jdbc.queryForObject("select count(*) from \"user\" where email = 'admin@efs.local'", Long.class))
                    .isOne();
            assertThat(jdbc.queryForObject("select count(*) from expert_feedback", Long.class)).isPositive();
            assertThat(api.login(CONFIGURED_ADMIN, "Titolare-2026!").status()).isEqualTo(200);
        }
    }

    /** The first answer of the starting application's health endpoint (its port opens before the runners run). */
    private static Api.Response awaitAnswer(Api api, CompletableFuture<?> starting) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            if (starting.isDone()) {
                throw new AssertionError("The application finished starting while the start-up lock was held: "
                        + starting.handle((app, failure) -> failure != null ? failure : "started").join());
            }
            try {
                // The port opens while the context is still refreshing (liveness not yet known, so DOWN); the
                // start-up runners, where seeding waits for the lock, begin once liveness is UP.
                if (api.get("/actuator/health/liveness", null).status() == 200) {
                    return api.get("/actuator/health", null);
                }
            } catch (UncheckedIOException notListeningYet) {
                // Not listening yet.
            }
            Thread.sleep(100);
        }
        throw new AssertionError("The application never answered on its port");
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
