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
                server = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(true)
                        .setServerConfig("max_connections", "200").setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off").start();
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
