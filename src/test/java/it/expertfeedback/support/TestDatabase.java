package it.expertfeedback.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL server for the whole test JVM (zonky binaries, fresh data directory), never H2 and
 * never mocks. Tests that change the schema itself get a database of their own on the same server.
 */
public final class TestDatabase {

    private static final AtomicInteger databases = new AtomicInteger();
    private static EmbeddedPostgres server;

    private TestDatabase() {
    }

    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                Path dir = Files.createTempDirectory("efs-test-pg");
                // Throw-away data: no need to wait for the disk, except when the benchmark measures what the
                // application's own embedded database (durable: EmbeddedPostgresServer) costs (-Defs.test.durable-db=true).
                String durable = Boolean.getBoolean("efs.test.durable-db") ? "on" : "off";
                server = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(true)
                        .setServerConfig("max_connections", "200").setServerConfig("fsync", durable)
                        .setServerConfig("synchronous_commit", durable).setServerConfig("full_page_writes", durable).start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        server.close();
                    } catch (IOException ignored) {
                        // The JVM is going away; nothing useful to do.
                    }
                }));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start the embedded PostgreSQL for tests", e);
            }
        }
        return server;
    }

    /** The versions of every Flyway migration the application ships, ascending ("1", "2", ...). */
    public static java.util.List<String> migrationVersions() {
        try {
            var resources = new org.springframework.core.io.support.PathMatchingResourcePatternResolver()
                    .getResources("classpath:db/migration/V*__*.sql");
            return java.util.Arrays.stream(resources)
                    .map(resource -> resource.getFilename().substring(1, resource.getFilename().indexOf("__")))
                    .sorted(java.util.Comparator.comparingInt(Integer::parseInt))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shared application database (the one the Spring test context migrates). */
    public static String applicationJdbcUrl() {
        return jdbcUrl("efs_app");
    }

    public static String jdbcUrl(String database) {
        ensureDatabase(database);
        return server().getJdbcUrl("postgres", database);
    }

    /** A new empty database with a unique name, for tests that migrate or roll back a schema themselves. */
    public static String freshDatabaseUrl(String prefix) {
        return jdbcUrl(prefix + "_" + databases.incrementAndGet());
    }

    /**
     * A new database shaped like the assistant's existing one before our migrations: the three enum types and its
     * own "user" table with two accounts (mario.rossi@studio.it / Mario Rossi / hash1, anna.bianchi@caf.it /
     * Anna Bianchi / hash2).
     */
    public static String existingAssistantDatabaseUrl(String prefix) {
        String url = freshDatabaseUrl(prefix);
        new org.springframework.jdbc.core.JdbcTemplate(
                new org.springframework.jdbc.datasource.DriverManagerDataSource(url, "postgres", "postgres")).execute("""
                create type feedback_type as enum ('correct', 'incomplete', 'incorrect');
                create type italian_feedback_category as enum ('normativa_obsoleta', 'interpretazione_errata',
                    'caso_mancante', 'calcolo_sbagliato', 'troppo_generico');
                create type expert_credential_type as enum ('dottore_commercialista', 'revisore_legale',
                    'consulente_fiscale', 'consulente_lavoro', 'caf_operator');
                create table "user" (
                    id              serial primary key,
                    email           varchar(255) unique,
                    full_name       varchar(255),
                    hashed_password varchar(255),
                    is_active       boolean default true,
                    created_at      timestamp default now()
                );
                insert into "user" (email, full_name, hashed_password)
                values ('mario.rossi@studio.it', 'Mario Rossi', 'hash1'), ('anna.bianchi@caf.it', 'Anna Bianchi', 'hash2');
                """);
        return url;
    }

    private static synchronized void ensureDatabase(String database) {
        try (Connection connection = server().getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            var exists = statement.executeQuery("select 1 from pg_database where datname = '" + database + "'");
            if (!exists.next()) {
                statement.execute("create database " + database);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + database, e);
        }
    }
}
