package it.expertfeedback.base.ops;

import static org.assertj.core.api.Assertions.assertThat;

import it.expertfeedback.Application;
import it.expertfeedback.support.SeparateApplication;
import it.expertfeedback.support.TestDatabase;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * EFS_LOG_FORMAT=ecs turns the console log into JSON lines (docs/OPERATIONS.md). The real thing: the application in
 * a process of its own with only that environment variable added (logging is global to a JVM, so not in this one),
 * its standard output read until it has started.
 */
class JsonLogsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern PLAIN_LOG_LINE = Pattern.compile("^\\d{4}-\\d\\d-\\d\\dT\\S+\\s+(TRACE|DEBUG|INFO|WARN|ERROR)\\b.*");

    @Test
    void efs_log_format_ecs_gives_one_json_object_per_log_line() throws Exception {
        String url = TestDatabase.freshDatabaseUrl("jsonlogs");
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", classpath, Application.class.getName(),
                "--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres", "--server.port=0", "--spring.main.banner-mode=off",
                "--efs.demo-data=false", "--efs.admin.password=Admin-json-2026",
                "--efs.security.jwt-secret=" + SeparateApplication.TEST_JWT_SECRET)
                .redirectErrorStream(true);
        builder.environment().put("EFS_LOG_FORMAT", "ecs");
        Process process = builder.start();
        List<String> lines = new ArrayList<>();
        try {
            CompletableFuture<Void> started = CompletableFuture.runAsync(() -> readUntilStarted(process, lines));
            try {
                started.get(3, TimeUnit.MINUTES);
            } catch (TimeoutException notStarted) {
                throw new AssertionError("The application did not start; its output:\n" + String.join("\n", copy(lines)));
            }
        } finally {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }

        List<String> output = copy(lines);
        assertThat(output).noneMatch(line -> PLAIN_LOG_LINE.matcher(line).matches());
        List<JsonNode> events = output.stream().filter(line -> line.startsWith("{")).map(JsonLogsTest::parse).toList();
        assertThat(events).hasSizeGreaterThan(5);
        assertThat(events).allSatisfy(event -> {
            assertThat(event.has("@timestamp")).as(event.toString()).isTrue();
            assertThat(event.path("log").path("level").asString()).as(event.toString()).isNotBlank();
            assertThat(event.has("message")).as(event.toString()).isTrue();
        });
        assertThat(events).anySatisfy(event -> {
            assertThat(event.path("message").asString()).startsWith("Started Application");
            assertThat(event.path("log").path("level").asString()).isEqualTo("INFO");
            assertThat(event.path("service").path("name").asString()).isEqualTo("expert-feedback-system");
        });
    }

    private static void readUntilStarted(Process process, List<String> lines) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                synchronized (lines) {
                    lines.add(line);
                }
                if (line.contains("Started Application")) {
                    return;
                }
            }
            throw new AssertionError("The application stopped before it started:\n" + String.join("\n", copy(lines)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> copy(List<String> lines) {
        synchronized (lines) {
            return new ArrayList<>(lines);
        }
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (JacksonException notJson) {
            throw new AssertionError("Not a JSON log line: " + line, notJson);
        }
    }
}
