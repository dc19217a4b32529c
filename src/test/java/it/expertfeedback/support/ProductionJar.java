package it.expertfeedback.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The production jar ({@code ./efs package}) started with {@code java -jar} as a process of its own, as an operator
 * runs it, on an embedded database in a folder of the test's. Tests using it are tagged {@value #TAG}: {@code ./efs
 * test} runs them after building the jar.
 */
public final class ProductionJar implements AutoCloseable {

    public static final String TAG = "production-jar";
    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private final Path dataDir;
    private final Path log;
    private final int port;
    private final Process process;

    private ProductionJar(Path dataDir, Path log, int port, Process process) {
        this.dataDir = dataDir;
        this.log = log;
        this.port = port;
        this.process = process;
    }

    public static Path jar() {
        Path jar = Path.of(System.getProperty("efs.jar", "target/production/efs.jar"));
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build it with ./efs package (./efs test does)");
        }
        return jar;
    }

    /** Starts the jar on {@code dataDir} (its log in {@code target/jar-tests/NAME.log}, overwritten) and waits until it serves. */
    public static ProductionJar start(String name, Path dataDir, String... settings) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = Path.of("target", "jar-tests", name + ".log").toAbsolutePath();
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar().toAbsolutePath().toString(), "--server.port=" + port,
                "--efs.embedded-db.data-dir=" + dataDir.toAbsolutePath(), "--spring.main.banner-mode=off"));
        for (String setting : settings) {
            command.add("--" + setting);
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        // The jar must not pick up an external database or a secret from the machine running the tests.
        builder.environment().keySet().removeIf(key -> key.startsWith("SPRING_") || key.startsWith("EFS_"));
        ProductionJar jar = new ProductionJar(dataDir, log, port, builder.start());
        try {
            jar.awaitReady(Duration.ofMinutes(3));
        } catch (IllegalStateException e) {
            // Never ready: SIGTERM, so that its shutdown hook also stops its database, and nothing is left running.
            jar.process.destroy();
            throw e;
        }
        return jar;
    }

    /** Health UP and the demo administrator able to sign in (the demo data is seeded). */
    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The jar exited with " + process.exitValue() + "; see " + log);
            }
            // Sign-in is tried only once health is UP, and then once a second: the login is rate-limited.
            if (status("GET", "/actuator/health", null) == 200) {
                if (status("POST", "/api/v1/auth/login", "{\"email\":\"admin@efs.local\",\"password\":\"Admin-demo-2026\"}") == 200) {
                    return;
                }
                sleep(1000);
            } else {
                sleep(250);
            }
        }
        throw new IllegalStateException("The jar did not become ready in " + timeout + "; see " + log);
    }

    private int status(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(5));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1; // not listening yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    public int port() {
        return port;
    }

    public String url(String path) {
        return "http://localhost:" + port + path;
    }

    public long pid() {
        return process.pid();
    }

    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The embedded server's postmaster, from the first line of postmaster.pid. */
    public Optional<ProcessHandle> postmaster() {
        try {
            List<String> lines = Files.readAllLines(dataDir.resolve("postmaster.pid"));
            return ProcessHandle.of(Long.parseLong(lines.getFirst().trim())).filter(ProcessHandle::isAlive);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The embedded server's port (fourth line of postmaster.pid). */
    public int databasePort() {
        try {
            return Integer.parseInt(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(3).trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The embedded superuser's password, as the application generated it. */
    public String databasePassword() {
        try {
            return Files.readString(dataDir.resolve("efs-superuser.secret")).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGKILL of the JVM: no shutdown hook, no clean stop of the database. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("The jar survived SIGKILL");
        }
    }

    /** A normal stop (SIGTERM): Spring closes, the embedded server stops. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
