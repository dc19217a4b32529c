package it.expertfeedback.base.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The application's own PostgreSQL, set up to be run for real rather than for tests (zonky's defaults are fsync off,
 * synchronous_commit off, trust authentication):
 * <ul>
 * <li>durable: fsync, synchronous_commit and full_page_writes on, so a 201 means the row is on disk;</li>
 * <li>password-protected: SCRAM for every connection, the superuser's generated password kept 0600 in the data
 * directory ({@value #SECRET_FILE}); a data directory from an older version (trust) is converted on its first
 * start;</li>
 * <li>reachable over TCP on 127.0.0.1 only;</li>
 * <li>startable after a crash: zonky runs the server in a session of its own, so after a {@code kill -9} of the JVM
 * the old postmaster lives on and holds {@code postmaster.pid}. zonky's lock file in the data directory (an OS
 * file lock, released when the JVM dies) tells us no other application uses this directory, so every process still
 * working in it is such a leftover: it is shut down before the new server starts.</li>
 * </ul>
 * Shared by the Spring configuration and the backup/restore command.
 */
final class EmbeddedPostgresServer {

    static final String SECRET_FILE = "efs-superuser.secret";
    static final String SUPERUSER = "postgres";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final String PG_HBA = """
            # Written by the Expert Feedback System at every start: a password (SCRAM) for every connection,
            # TCP from this machine only (listen_addresses = 127.0.0.1).
            local   all             all                     scram-sha-256
            host    all             all     127.0.0.1/32    scram-sha-256
            """;
    private static final Duration STALE_SHUTDOWN = Duration.ofSeconds(30);

    private EmbeddedPostgresServer() {
    }

    /** A started server and the password of its superuser. */
    record Running(EmbeddedPostgres postgres, String password) implements AutoCloseable {

        String jdbcUrl(String database) {
            return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + database;
        }

        @Override
        public void close() throws IOException {
            postgres.close();
        }
    }

    /** Starts (initialising if empty) the server on {@code dataDirectory}; {@code port} 0 picks a free one. */
    static Running start(Path dataDirectory, int port) throws IOException {
        Path dir = dataDirectory.toAbsolutePath().normalize();
        Files.createDirectories(dir);
        boolean initialised = Files.exists(dir.resolve("postgresql.conf"));
        Path secretFile = dir.resolve(SECRET_FILE);
        // initdb wants an empty directory: a new secret waits next to it until initdb is done.
        Path pendingSecret = dir.resolveSibling(dir.getFileName() + "." + SECRET_FILE + ".new");
        boolean legacyTrust = initialised && !Files.exists(secretFile);
        String password;
        if (Files.exists(secretFile)) {
            password = readSecret(secretFile);
        } else {
            password = newSecret();
            writeSecret(initialised ? secretFile : pendingSecret, password);
        }

        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("password_encryption", "scram-sha-256")
                .setServerConfig("max_connections", "100")
                .setConnectConfig("password", password)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setDataDirectoryCustomizer(ignored -> prepareDataDirectory(dir, pendingSecret, legacyTrust));
        if (!initialised) {
            // zonky's only way to pass options to initdb (it appends them as --name=value after its "-A trust"):
            // the superuser gets its password and SCRAM authentication from the very first moment.
            builder.setLocaleConfig("auth", "scram-sha-256").setLocaleConfig("pwfile", pendingSecret.toString());
        }
        if (port > 0) {
            builder.setPort(port);
        }
        EmbeddedPostgres postgres = builder.start();
        Running running = new Running(postgres, password);
        if (legacyTrust) {
            convertFromTrust(running, dir);
        }
        return running;
    }

    /** Runs after initdb and after zonky took its lock on the directory, before the postmaster starts. */
    private static void prepareDataDirectory(Path dir, Path pendingSecret, boolean legacyTrust) {
        try {
            if (Files.exists(pendingSecret) && !Files.exists(dir.resolve(SECRET_FILE))) {
                Files.move(pendingSecret, dir.resolve(SECRET_FILE), StandardCopyOption.ATOMIC_MOVE);
            }
            stopLeftoverServer(dir);
            if (!legacyTrust) {
                Files.writeString(dir.resolve("pg_hba.conf"), PG_HBA);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the embedded database in " + dir, e);
        }
    }

    /** A data directory created before passwords existed: give the superuser its password, then require it. */
    private static void convertFromTrust(Running running, Path dir) throws IOException {
        try (Connection connection = running.postgres().getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            // The secret is base64url: no quote can end the literal.
            statement.execute("alter role " + SUPERUSER + " password '" + running.password() + "'");
            Files.writeString(dir.resolve("pg_hba.conf"), PG_HBA);
            statement.execute("select pg_reload_conf()");
            log.warn("Embedded database in {} converted from trust to password authentication", dir);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot set the embedded database's password", e);
        }
    }

    /**
     * Processes still working in {@code dir}, found by their working directory (the postmaster and its children all
     * run in the data directory).
     */
    static List<ProcessHandle> processesIn(Path dir) throws IOException {
        Path real = dir.toRealPath();
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            return all.filter(process -> process.pid() != ProcessHandle.current().pid())
                    .filter(process -> workingDirectory(process).map(real::equals).orElse(false))
                    .toList();
        }
    }

    private static Optional<Path> workingDirectory(ProcessHandle process) {
        try {
            return Optional.of(Files.readSymbolicLink(Path.of("/proc", Long.toString(process.pid()), "cwd")));
        } catch (IOException | SecurityException e) {
            // Gone in the meantime, or another user's process: not ours either way.
            return Optional.empty();
        }
    }

    /** Only call while holding zonky's lock on {@code dir}: then nothing in it belongs to a live application. */
    static void stopLeftoverServer(Path dir) throws IOException {
        List<ProcessHandle> leftovers = processesIn(dir);
        if (leftovers.isEmpty()) {
            return;
        }
        Optional<ProcessHandle> postmaster = postmasterPid(dir).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
        log.warn("Embedded database in {}: a server of a previous run is still running (postmaster {}, {} processes);"
                + " shutting it down", dir, postmaster.map(ProcessHandle::pid).orElse(null), leftovers.size());
        // SIGTERM asks the postmaster for a clean shutdown; its clients died with the old JVM.
        postmaster.ifPresent(ProcessHandle::destroy);
        if (!waitUntilEmpty(dir, STALE_SHUTDOWN)) {
            processesIn(dir).forEach(ProcessHandle::destroyForcibly);
            if (!waitUntilEmpty(dir, Duration.ofSeconds(10))) {
                throw new IllegalStateException("Cannot stop the old embedded PostgreSQL working in " + dir);
            }
        }
        log.info("Old embedded PostgreSQL in {} stopped", dir);
    }

    private static boolean waitUntilEmpty(Path dir, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!processesIn(dir).isEmpty()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** First line of postmaster.pid: the postmaster's process id. */
    static Optional<Long> postmasterPid(Path dir) throws IOException {
        return postmasterPidLine(dir, 0).map(Long::parseLong);
    }

    /** Fourth line of postmaster.pid: the port the server listens on. */
    static Optional<Integer> postmasterPort(Path dir) throws IOException {
        return postmasterPidLine(dir, 3).map(Integer::parseInt);
    }

    private static Optional<String> postmasterPidLine(Path dir, int index) throws IOException {
        try {
            List<String> lines = Files.readAllLines(dir.resolve("postmaster.pid"));
            return lines.size() > index ? Optional.of(lines.get(index).trim()) : Optional.empty();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    static String readSecret(Path secretFile) throws IOException {
        return Files.readString(secretFile, StandardCharsets.UTF_8).trim();
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void writeSecret(Path file, String secret) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, secret + "\n", StandardCharsets.UTF_8);
    }
}
