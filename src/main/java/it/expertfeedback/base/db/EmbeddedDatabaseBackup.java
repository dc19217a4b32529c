package it.expertfeedback.base.db;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * {@code ./efs backup FILE} and {@code ./efs restore FILE} for the embedded database, with nothing but the JDK and the
 * application's own classes: the zonky binaries have no pg_dump, and the machine's pg_dump (15) refuses a 17 server.
 *
 * <p>Backup: every table of the {@code public} schema (Flyway's history included) written with {@code COPY ... TO
 * STDOUT} inside one REPEATABLE READ, READ ONLY transaction, so all tables come from the same snapshot even while
 * the application keeps writing, plus every sequence's position; into one zip file. Restore: a new data directory
 * (the old one is kept aside, never deleted), the schema built by the application's own Flyway migrations up to the
 * backup's version (so the schema is the one this code base defines), then, in one transaction with triggers and
 * foreign-key checks off ({@code session_replication_role = replica}: the rows are already consistent and the
 * trigger-kept rollups are restored as they were), the tables emptied and filled with {@code COPY ... FROM STDIN}
 * and the sequences set. Stored generated columns are left out of both directions and recomputed.
 *
 * <p>A logical copy rather than a copy of the data files: it can be taken while the application runs, does not
 * depend on the server's binary format, and the restore proves itself by rebuilding every row.
 */
public final class EmbeddedDatabaseBackup {

    private static final String FORMAT = "efs-backup-1";
    private static final String DATABASE = "postgres";

    private EmbeddedDatabaseBackup() {
    }

    /** {@code backup FILE [DATA_DIR]} or {@code restore FILE [DATA_DIR]}; DATA_DIR defaults to data/postgres. */
    public static void main(String[] args) throws Exception {
        quietLogging();
        if (args.length < 2 || !List.of("backup", "restore").contains(args[0])) {
            System.err.println("usage: backup|restore FILE [DATA_DIR]");
            System.exit(2);
        }
        Path file = Path.of(args[1]);
        Path dataDir = Path.of(args.length > 2 ? args[2] : "data/postgres");
        if (args[0].equals("restore") && !Files.isRegularFile(file)) {
            System.err.println("No backup file " + file.toAbsolutePath());
            System.exit(1);
        }
        try {
            if (args[0].equals("backup")) {
                Summary summary = backup(dataDir, file);
                System.out.printf("Backup of %s written to %s: %d tables, %d rows (schema version %s)%n", dataDir, file,
                        summary.rows().size(), summary.totalRows(), summary.schemaVersion());
            } else {
                Summary summary = restore(file, dataDir);
                System.out.printf("Restored %s into %s: %d tables, %d rows (schema version %s)%n", file, dataDir,
                        summary.rows().size(), summary.totalRows(), summary.schemaVersion());
            }
        } catch (IllegalStateException | IllegalArgumentException e) {
            // Refusals meant for the operator (application running, not a backup, no database): the message is enough.
            System.err.println(e.getMessage());
            System.exit(1);
        }
        System.exit(0);
    }

    /** Rows per table, in the order written. */
    public record Summary(String schemaVersion, Map<String, Long> rows) {
        long totalRows() {
            return rows.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * Writes the backup of the embedded database in {@code dataDir}: from its running server when the application
     * runs, otherwise from a server started just for this.
     */
    public static Summary backup(Path dataDir, Path file) throws IOException, SQLException {
        Path dir = dataDir.toAbsolutePath().normalize();
        if (!Files.exists(dir.resolve("PG_VERSION"))) {
            throw new IllegalArgumentException("No embedded database in " + dir);
        }
        if (inUse(dir)) {
            int port = EmbeddedPostgresServer.postmasterPort(dir)
                    .orElseThrow(() -> new IllegalStateException("The application runs but its server has no port yet"));
            String password = EmbeddedPostgresServer.readSecret(dir.resolve(EmbeddedPostgresServer.SECRET_FILE));
            try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE,
                    EmbeddedPostgresServer.SUPERUSER, password)) {
                return write(connection, file);
            }
        }
        try (EmbeddedPostgresServer.Running server = EmbeddedPostgresServer.start(dir, 0);
             Connection connection = connect(server)) {
            return write(connection, file);
        }
    }

    /**
     * Replaces the embedded database in {@code dataDir} by the backup's content. The application must be stopped;
     * an existing data directory is moved aside to {@code <dir>.before-restore-<time>}.
     */
    public static Summary restore(Path file, Path dataDir) throws IOException, SQLException {
        Path dir = dataDir.toAbsolutePath().normalize();
        if (inUse(dir)) {
            throw new IllegalStateException("The application is running on " + dir + ": stop it before restoring");
        }
        Manifest manifest;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            manifest = Manifest.read(zip);
            if (Files.exists(dir)) {
                Files.createDirectories(dir);
                if (Files.exists(dir.resolve("PG_VERSION"))) {
                    EmbeddedPostgresServer.stopLeftoverServer(dir);
                }
                try (var entries = Files.list(dir)) {
                    if (entries.findAny().isPresent()) {
                        Path aside = dir.resolveSibling(dir.getFileName() + ".before-restore-"
                                + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now()));
                        Files.move(dir, aside);
                        System.out.println("The previous database was moved to " + aside);
                    }
                }
            }
            try (EmbeddedPostgresServer.Running server = EmbeddedPostgresServer.start(dir, 0)) {
                Flyway.configure().dataSource(server.jdbcUrl(DATABASE), EmbeddedPostgresServer.SUPERUSER, server.password())
                        .locations("classpath:db/migration").target(manifest.schemaVersion()).load().migrate();
                try (Connection connection = connect(server)) {
                    load(connection, zip, manifest);
                }
            }
        }
        return new Summary(manifest.schemaVersion(), manifest.rows());
    }

    /**
     * True when an application holds zonky's lock on the directory, i.e. runs on it (the lock dies with its JVM, so
     * a leftover server of a killed run does not count).
     */
    private static boolean inUse(Path dir) throws IOException {
        Path lockFile = dir.resolve("epg-lock");
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            // This very JVM runs the server (tests).
            return true;
        }
    }

    private static Connection connect(EmbeddedPostgresServer.Running server) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(DATABASE), EmbeddedPostgresServer.SUPERUSER, server.password());
    }

    private static Summary write(Connection connection, Path file) throws IOException, SQLException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("set transaction isolation level repeatable read, read only");
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            Map<String, List<String>> tables = tables(connection);
            Map<String, Long> rows = new LinkedHashMap<>();
            String version = schemaVersion(statement);
            Path partial = file.toAbsolutePath().resolveSibling(file.getFileName() + ".partial");
            if (partial.getParent() != null) {
                Files.createDirectories(partial.getParent());
            }
            try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(partial)))) {
                for (var table : tables.entrySet()) {
                    zip.putNextEntry(new ZipEntry("tables/" + table.getKey() + ".copy"));
                    long count = copy.copyOut("copy " + quote(table.getKey()) + " (" + columnList(table.getValue())
                            + ") to stdout", new NonClosing(zip));
                    zip.closeEntry();
                    rows.put(table.getKey(), count);
                }
                Properties sequences = new Properties();
                try (ResultSet rs = statement.executeQuery(
                        "select sequencename from pg_sequences where schemaname = 'public' order by 1")) {
                    List<String> names = new ArrayList<>();
                    while (rs.next()) {
                        names.add(rs.getString(1));
                    }
                    for (String name : names) {
                        try (ResultSet position = statement.executeQuery(
                                "select last_value, is_called from " + quote(name))) {
                            position.next();
                            sequences.setProperty(name, position.getLong(1) + "," + position.getBoolean(2));
                        }
                    }
                }
                Manifest manifest = new Manifest(version, tables, rows, sequences);
                zip.putNextEntry(new ZipEntry("manifest.properties"));
                manifest.properties().store(new NonClosing(zip), FORMAT);
                zip.closeEntry();
            }
            connection.commit();
            Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return new Summary(version, rows);
        }
    }

    private static void load(Connection connection, ZipFile zip, Manifest manifest) throws IOException, SQLException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            Map<String, List<String>> present = tables(connection);
            if (!present.keySet().equals(manifest.tables().keySet())) {
                throw new IllegalStateException("The schema built by the migrations has tables " + present.keySet()
                        + ", the backup " + manifest.tables().keySet());
            }
            // Triggers (the rollups, updated_at) and foreign-key checks off: the rows go back exactly as they were.
            statement.execute("set local session_replication_role = replica");
            statement.execute("truncate " + String.join(", ", manifest.tables().keySet().stream()
                    .map(EmbeddedDatabaseBackup::quote).toList()));
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            for (var table : manifest.tables().entrySet()) {
                ZipEntry entry = zip.getEntry("tables/" + table.getKey() + ".copy");
                try (InputStream in = zip.getInputStream(entry)) {
                    long count = copy.copyIn("copy " + quote(table.getKey()) + " (" + columnList(table.getValue())
                            + ") from stdin", in);
                    if (count != manifest.rows().get(table.getKey())) {
                        throw new IllegalStateException("Table " + table.getKey() + ": " + count + " rows restored, "
                                + manifest.rows().get(table.getKey()) + " in the backup");
                    }
                }
            }
            for (String name : manifest.sequences().stringPropertyNames()) {
                String[] position = manifest.sequences().getProperty(name).split(",");
                try (ResultSet ignored = statement.executeQuery("select setval('" + quote(name).replace("'", "''") + "', "
                        + Long.parseLong(position[0]) + ", " + Boolean.parseBoolean(position[1]) + ")")) {
                    // setval returns the value it set.
                }
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
    }

    /** Tables of the public schema with their stored (non-generated) columns, in name order. */
    private static Map<String, List<String>> tables(Connection connection) throws SQLException {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("""
                     select c.relname, a.attname
                     from pg_class c
                     join pg_namespace n on n.oid = c.relnamespace
                     join pg_attribute a on a.attrelid = c.oid
                     where n.nspname = 'public' and c.relkind in ('r', 'p')
                       and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
                     order by c.relname, a.attnum""")) {
            while (rs.next()) {
                tables.computeIfAbsent(rs.getString(1), name -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        return tables;
    }

    private static String schemaVersion(Statement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery("""
                select version from flyway_schema_history where success and version is not null
                order by installed_rank desc limit 1""")) {
            if (!rs.next()) {
                throw new IllegalStateException("The database has no applied migration");
            }
            return rs.getString(1);
        }
    }

    private static String columnList(List<String> columns) {
        return String.join(", ", columns.stream().map(EmbeddedDatabaseBackup::quote).toList());
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private record Manifest(String schemaVersion, Map<String, List<String>> tables, Map<String, Long> rows,
                            Properties sequences) {

        Properties properties() {
            Properties properties = new Properties();
            properties.setProperty("format", FORMAT);
            properties.setProperty("schema-version", schemaVersion);
            properties.setProperty("tables", String.join(",", tables.keySet()));
            tables.forEach((table, columns) -> {
                properties.setProperty("table." + table + ".columns", String.join(",", columns));
                properties.setProperty("table." + table + ".rows", Long.toString(rows.get(table)));
            });
            sequences.stringPropertyNames().forEach(name ->
                    properties.setProperty("sequence." + name, sequences.getProperty(name)));
            return properties;
        }

        static Manifest read(ZipFile zip) throws IOException {
            ZipEntry entry = zip.getEntry("manifest.properties");
            if (entry == null) {
                throw new IllegalArgumentException(zip.getName() + " is not a backup of this application");
            }
            Properties properties = new Properties();
            try (InputStream in = zip.getInputStream(entry)) {
                properties.load(new java.io.InputStreamReader(in, StandardCharsets.ISO_8859_1));
            }
            if (!FORMAT.equals(properties.getProperty("format"))) {
                throw new IllegalArgumentException(zip.getName() + ": unknown backup format " + properties.getProperty("format"));
            }
            Map<String, List<String>> tables = new LinkedHashMap<>();
            Map<String, Long> rows = new LinkedHashMap<>();
            for (String table : properties.getProperty("tables").split(",")) {
                tables.put(table, List.of(properties.getProperty("table." + table + ".columns").split(",")));
                rows.put(table, Long.parseLong(properties.getProperty("table." + table + ".rows")));
            }
            Properties sequences = new Properties();
            properties.stringPropertyNames().stream().filter(name -> name.startsWith("sequence."))
                    .forEach(name -> sequences.setProperty(name.substring("sequence.".length()), properties.getProperty(name)));
            return new Manifest(properties.getProperty("schema-version"), tables, rows, sequences);
        }
    }

    /** Lets COPY write one zip entry without closing the whole zip. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    /** The command prints its own summary; the libraries' debug logging (logback's default) would drown it. */
    private static void quietLogging() {
        if (org.slf4j.LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext context) {
            context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(ch.qos.logback.classic.Level.WARN);
        }
    }
}
