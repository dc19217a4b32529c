package it.expertfeedback.base.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.expertfeedback.support.KeepsSecurityContextStrategy;
import it.expertfeedback.support.SeparateApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** Backup → wipe → restore gives back every table with the same rows (count and checksum) and every sequence. */
@ExtendWith(KeepsSecurityContextStrategy.class)
class EmbeddedDatabaseBackupTest {

    @Test
    void backup_wipe_restore_gives_back_identical_tables_and_sequences() throws Exception {
        Path dataDir = Files.createTempDirectory("efs-backup").resolve("postgres");
        Path backup = dataDir.resolveSibling("efs.backup");
        // The demo data fills every table of the application (feedback, candidates, trust history, audit, rollups).
        try (ConfigurableApplicationContext app = SeparateApplication.start("efs.embedded-db.data-dir=" + dataDir,
                "efs.admin.password=Admin-backup-2026")) {
            assertThat(app.getBean(JdbcTemplate.class).queryForObject("select count(*) from expert_feedback", Long.class))
                    .isGreaterThan(1_000);
        }

        Map<String, String> before;
        try (EmbeddedPostgresServer.Running server = EmbeddedPostgresServer.start(dataDir, 0)) {
            before = fingerprint(server);
            // Taken while a server runs on the directory (as when the application runs): through that server.
            EmbeddedDatabaseBackup.Summary summary = EmbeddedDatabaseBackup.backup(dataDir, backup);
            assertThat(summary.rows()).hasSameSizeAs(before.keySet().stream().filter(key -> key.startsWith("table ")).toList());
            assertThatThrownBy(() -> EmbeddedDatabaseBackup.restore(backup, dataDir))
                    .as("no restore under a running server").isInstanceOf(IllegalStateException.class);
        }
        assertThat(before.keySet().stream().filter(key -> key.startsWith("table "))).hasSizeGreaterThanOrEqualTo(12);
        assertThat(before).containsKeys("table expert_feedback", "table flyway_schema_history", "table audit_log");
        assertThat(before.get("table expert_feedback")).doesNotStartWith("0 ");

        deleteRecursively(dataDir);
        EmbeddedDatabaseBackup.restore(backup, dataDir);

        try (EmbeddedPostgresServer.Running server = EmbeddedPostgresServer.start(dataDir, 0)) {
            assertThat(fingerprint(server)).isEqualTo(before);
        }
        // The application accepts the restored database (Flyway validates its history, Hibernate the schema).
        try (ConfigurableApplicationContext app = SeparateApplication.start("efs.embedded-db.data-dir=" + dataDir,
                "efs.demo-data=false")) {
            assertThat(app.getBean(JdbcTemplate.class).queryForObject("select count(*) from expert_feedback", Long.class))
                    .isGreaterThan(1_000);
        }
    }

    /** "table NAME" → "rows md5-of-all-rows", "sequence NAME" → "last_value is_called". */
    private static Map<String, String> fingerprint(EmbeddedPostgresServer.Running server) throws SQLException {
        Map<String, String> result = new TreeMap<>();
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl("postgres"),
                EmbeddedPostgresServer.SUPERUSER, server.password());
             Statement statement = connection.createStatement()) {
            List<String> tables = names(statement, "select tablename from pg_tables where schemaname = 'public'");
            for (String table : tables) {
                try (ResultSet rs = statement.executeQuery("select count(*), coalesce(md5(string_agg(t::text, E'\\n' order by t::text)), '')"
                        + " from public.\"" + table + "\" t")) {
                    rs.next();
                    result.put("table " + table, rs.getLong(1) + " " + rs.getString(2));
                }
            }
            for (String sequence : names(statement, "select sequencename from pg_sequences where schemaname = 'public'")) {
                try (ResultSet rs = statement.executeQuery("select last_value, is_called from public.\"" + sequence + "\"")) {
                    rs.next();
                    result.put("sequence " + sequence, rs.getLong(1) + " " + rs.getBoolean(2));
                }
            }
        }
        return result;
    }

    private static List<String> names(Statement statement, String sql) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
        assertThat(dir).doesNotExist();
    }
}
