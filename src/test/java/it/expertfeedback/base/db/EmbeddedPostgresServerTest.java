package it.expertfeedback.base.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The embedded PostgreSQL as the application runs it: durable settings, a password for every connection, 127.0.0.1
 * only, and a start that succeeds after the previous JVM was killed with its server still running.
 */
class EmbeddedPostgresServerTest {

    private static Connection connect(String url, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", EmbeddedPostgresServer.SUPERUSER);
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("connectTimeout", "5");
        return DriverManager.getConnection(url, properties);
    }

    private static String setting(Connection connection, String name) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("show " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void runs_durable_on_localhost_only_and_refuses_connections_without_the_password() throws Exception {
        Path dir = Files.createTempDirectory("efs-pg-secure").resolve("postgres");
        try (EmbeddedPostgresServer.Running server = EmbeddedPostgresServer.start(dir, 0)) {
            String url = server.jdbcUrl("postgres");
            try (Connection connection = connect(url, server.password())) {
                assertThat(setting(connection, "fsync")).isEqualTo("on");
                assertThat(setting(connection, "synchronous_commit")).isEqualTo("on");
                assertThat(setting(connection, "full_page_writes")).isEqualTo("on");
                assertThat(setting(connection, "listen_addresses")).isEqualTo("127.0.0.1");
            }
            assertThatThrownBy(() -> connect(url, null).close()).isInstanceOf(SQLException.class)
                    .hasMessageContaining("password");
            assertThatThrownBy(() -> connect(url, "postgres").close()).isInstanceOf(SQLException.class)
                    .hasMessageContaining("password authentication failed");
            // zonky's own URL (user postgres, no password) is what used to work: it no longer does.
            assertThatThrownBy(() -> DriverManager.getConnection(server.postgres().getJdbcUrl("postgres", "postgres")).close())
                    .isInstanceOf(SQLException.class);

            Path secret = dir.resolve(EmbeddedPostgresServer.SECRET_FILE);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret))).isEqualTo("rw-------");
            assertThat(EmbeddedPostgresServer.readSecret(secret)).isEqualTo(server.password()).hasSizeGreaterThanOrEqualTo(40);
            assertThat(Files.readString(dir.resolve("pg_hba.conf"))).doesNotContain("trust");
        }
        // The second start reads the same secret.
        try (EmbeddedPostgresServer.Running again = EmbeddedPostgresServer.start(dir, 0);
             Connection connection = connect(again.jdbcUrl("postgres"), again.password())) {
            assertThat(setting(connection, "fsync")).isEqualTo("on");
        }
    }

    @Test
    void a_data_directory_of_an_older_version_without_password_gets_one() throws Exception {
        Path dir = Files.createTempDirectory("efs-pg-legacy").resolve("postgres");
        try (EmbeddedPostgres legacy = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(false).start();
             Connection connection = legacy.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("create table kept (id int)");
            statement.execute("insert into kept values (42)");
        }
        try (EmbeddedPostgresServer.Running server = EmbeddedPostgresServer.start(dir, 0)) {
            assertThatThrownBy(() -> connect(server.jdbcUrl("postgres"), null).close()).isInstanceOf(SQLException.class);
            try (Connection connection = connect(server.jdbcUrl("postgres"), server.password());
                 Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("select id from kept")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(42);
            }
        }
    }

    @Test
    void starts_again_after_the_previous_jvm_was_killed_and_left_its_server_running() throws Exception {
        Path dir = Files.createTempDirectory("efs-pg-stale").resolve("postgres");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), EmbeddedServerProcess.class.getName(), dir.toString())
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null && !line.startsWith(EmbeddedServerProcess.READY)) {
                // the child's log
            }
            assertThat(line).as("the child JVM started its server").isNotNull();
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hook runs, the server is not stopped
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        List<ProcessHandle> leftovers = EmbeddedPostgresServer.processesIn(dir);
        assertThat(leftovers).as("the old server outlives the killed JVM").isNotEmpty();
        long oldPostmaster = EmbeddedPostgresServer.postmasterPid(dir).orElseThrow();

        try (EmbeddedPostgresServer.Running server = EmbeddedPostgresServer.start(dir, 0);
             Connection connection = connect(server.jdbcUrl("postgres"), server.password());
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select count(*) from survivor")) {
            rs.next();
            assertThat(rs.getInt(1)).as("the row the killed JVM committed").isOne();
            assertThat(EmbeddedPostgresServer.processesIn(dir)).extracting(ProcessHandle::pid).doesNotContain(oldPostmaster);
            assertThat(EmbeddedPostgresServer.postmasterPid(dir)).get().isNotEqualTo(oldPostmaster);
        }
        assertThat(waitForNoProcesses(dir, Duration.ofSeconds(20))).isTrue();
    }

    private static boolean waitForNoProcesses(Path dir, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!EmbeddedPostgresServer.processesIn(dir).isEmpty()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(100);
        }
        return true;
    }
}
