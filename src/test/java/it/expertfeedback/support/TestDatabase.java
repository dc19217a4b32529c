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

    /** The original passwords of {@link #adoptedAssistantDatabaseUrl}'s accounts (bcrypt {@code $2b$} in the rows). */
    public static final String ORIGINAL_ADMIN_PASSWORD = "Admin-originale-2025";
    public static final String ORIGINAL_SUPER_USER_PASSWORD = "Super-originale-2025";
    public static final String ORIGINAL_USER_PASSWORD = "Utente-originale-2025";
    public static final String ORIGINAL_EXPERT_PASSWORD = "Esperto-originale-2025";

    /**
     * A new database exactly as the original assistant leaves it at its latest version (the reconstructed DDL in
     * src/test/resources/fixtures/assistant-db-schema.sql, a copy of ../shared/fixtures) plus rows:
     * <ul>
     * <li>admin@pratiko.it (role admin), super@pratiko.it (role super_user, profile with credential {@code admin},
     * 50 feedback / accuracy 0.92 / trust 0.88 as the original computed them), utente@pratiko.it (role user, no
     * profile), esperto@pratiko.it (role user, active verified profile with {@code ADMIN} and revisore_legale),
     * oauth@gmail.com (Google, no password);</li>
     * <li>feedback of super@pratiko.it: with {@code duplicates}, two pairs of rows on the same query_id (the older
     * of each created first); an unknown category label {@code non_classificato} on one row;</li>
     * <li>one expert_generated_tasks row, and alembic_version (from the DDL).</li>
     * </ul>
     */
    public static String adoptedAssistantDatabaseUrl(String prefix, boolean duplicates) {
        String url = freshDatabaseUrl(prefix);
        var jdbc = new org.springframework.jdbc.core.JdbcTemplate(
                new org.springframework.jdbc.datasource.DriverManagerDataSource(url, "postgres", "postgres"));
        try {
            jdbc.execute(new String(TestDatabase.class.getResourceAsStream("/fixtures/assistant-db-schema.sql")
                    .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // The original hashes with passlib's bcrypt, which writes the $2b$ prefix.
        var bcrypt = new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder(
                org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder.BCryptVersion.$2B, 10);
        String insertUser = """
                insert into "user" (email, hashed_password, name, provider, provider_id, role, created_at)
                values (?, ?, ?, ?, ?, ?, timestamp '2025-06-01 10:00') returning id""";
        Integer admin = jdbc.queryForObject(insertUser, Integer.class, "admin@pratiko.it",
                bcrypt.encode(ORIGINAL_ADMIN_PASSWORD), "Amministratore Pratiko", "email", null, "admin");
        Integer superUser = jdbc.queryForObject(insertUser, Integer.class, "super@pratiko.it",
                bcrypt.encode(ORIGINAL_SUPER_USER_PASSWORD), "Sara Superuser", "email", null, "super_user");
        jdbc.queryForObject(insertUser, Integer.class, "utente@pratiko.it", bcrypt.encode(ORIGINAL_USER_PASSWORD),
                "Ugo Utente", "email", null, "user");
        Integer expert = jdbc.queryForObject(insertUser, Integer.class, "esperto@pratiko.it",
                bcrypt.encode(ORIGINAL_EXPERT_PASSWORD), null, "email", null, "user");
        jdbc.queryForObject(insertUser, Integer.class, "oauth@gmail.com", null, "Olga Oauth", "google",
                "google-oauth2|1234", "user");
        java.util.UUID superProfile = jdbc.queryForObject("""
                insert into expert_profiles (user_id, credential_types, experience_years, specializations,
                    feedback_count, feedback_accuracy_rate, trust_score, is_verified, verification_date)
                values (?, '{admin}', 12, '{iva,irpef}', 50, 0.92, 0.88, true, timestamp '2025-07-01 09:00')
                returning id""", java.util.UUID.class, superUser);
        jdbc.update("""
                insert into expert_profiles (user_id, credential_types, experience_years, feedback_count,
                    feedback_accuracy_rate, trust_score, is_verified)
                values (?, '{ADMIN,revisore_legale}', 4, 3, 0.5, 0.6, true)""", expert);
        String insertFeedback = """
                insert into expert_feedback (query_id, expert_id, feedback_type, category, query_text, original_answer,
                    expert_answer, time_spent_seconds, feedback_timestamp, created_at)
                values (?, ?, ?, ?, ?, 'Risposta originale', ?, 60, ?, ?) returning id""";
        java.util.UUID firstFeedback = null;
        for (int i = 0; i < 4; i++) {
            var at = java.sql.Timestamp.valueOf(java.time.LocalDateTime.of(2025, 9, 1 + i, 10, 0));
            java.util.UUID id = jdbc.queryForObject(insertFeedback, java.util.UUID.class,
                    java.util.UUID.nameUUIDFromBytes(("query-" + i).getBytes()), superProfile,
                    i == 1 ? "incomplete" : "correct", i == 2 ? "non_classificato" : null,
                    "Domanda numero " + i + " sul regime forfettario", i == 1 ? "Manca il caso dei soci" : null, at, at);
            firstFeedback = firstFeedback == null ? id : firstFeedback;
        }
        if (duplicates) {
            for (int i = 0; i < 2; i++) {
                // The same query judged again later: the original never prevented it.
                var at = java.sql.Timestamp.valueOf(java.time.LocalDateTime.of(2025, 10, 1 + i, 10, 0));
                jdbc.update(insertFeedback.replace(" returning id", ""),
                        java.util.UUID.nameUUIDFromBytes(("query-" + i).getBytes()), superProfile, "incorrect", null,
                        "Domanda numero " + i + " sul regime forfettario", "Ripensandoci, è sbagliata", at, at);
            }
        }
        jdbc.update("""
                insert into expert_generated_tasks (task_id, task_name, feedback_id, expert_id, question, answer)
                values ('DEV-BE-901', 'Aggiornare la risposta sul forfettario', ?, ?, 'Domanda', 'Risposta')""",
                firstFeedback, superProfile);
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
