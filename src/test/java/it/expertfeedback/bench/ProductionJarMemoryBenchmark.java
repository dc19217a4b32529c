package it.expertfeedback.bench;

import static org.assertj.core.api.Assertions.assertThat;

import it.expertfeedback.support.ProductionJar;
import it.expertfeedback.support.SubmissionLoad;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The production jar as an operator runs it (embedded, durable PostgreSQL, demo data): start time, memory (RSS of the
 * JVM and of the database's processes) idle and under 32 submitting clients, and submissions per second. A
 * measurement, not part of the suite: {@code ./mvnw test -Dtest=ProductionJarMemoryBenchmark -Dgroups=benchmark
 * -Defs.test.excludedGroups=none} after {@code ./efs package}.
 */
@Tag("benchmark")
class ProductionJarMemoryBenchmark {

    @Test
    void start_time_memory_and_throughput_of_the_production_jar() throws Exception {
        Path dataDir = Files.createTempDirectory("efs-jar-bench").resolve("postgres");
        long before = System.nanoTime();
        try (ProductionJar app = ProductionJar.start("jar-benchmark", dataDir)) {
            double ready = (System.nanoTime() - before) / 1e9;
            String started = app.log().lines().filter(line -> line.contains("Started Application in")).findFirst().orElse("");
            Thread.sleep(5_000);
            System.gc();
            long idleJvm = rssKb(app.pid());
            long idleDb = databaseRssKb(app);
            long peakJvm = 0;
            long peakDb = 0;
            int acknowledged;
            double seconds;
            try (SubmissionLoad load = SubmissionLoad.start(app.url(""), 32)) {
                Thread.sleep(5_000); // warm-up
                int atStart = load.acknowledged().size();
                long t0 = System.nanoTime();
                while (System.nanoTime() - t0 < 20_000_000_000L) {
                    Thread.sleep(500);
                    peakJvm = Math.max(peakJvm, rssKb(app.pid()));
                    peakDb = Math.max(peakDb, databaseRssKb(app));
                }
                seconds = (System.nanoTime() - t0) / 1e9;
                acknowledged = load.acknowledged().size() - atStart;
                load.stop();
                assertThat(load.failures()).isZero();
            }
            System.out.printf("""
                    Production jar %.1f MB; ready with demo data after %.1f s (%s)
                    RSS idle: JVM %d MB, PostgreSQL %d MB
                    RSS under 32 clients (peak): JVM %d MB, PostgreSQL %d MB
                    Submissions at 32 clients: %d in %.1f s = %.1f/s
                    """, Files.size(ProductionJar.jar()) / 1e6, ready, started.replaceAll(".*(Started Application in [^)]*\\)).*", "$1"),
                    idleJvm / 1024, idleDb / 1024, peakJvm / 1024, peakDb / 1024, acknowledged, seconds, acknowledged / seconds);
            assertThat(acknowledged).isPositive();
        }
    }

    private static long databaseRssKb(ProductionJar app) {
        return app.postmaster().map(postmaster -> {
            List<ProcessHandle> all = new java.util.ArrayList<>(postmaster.descendants().toList());
            all.add(postmaster);
            return all.stream().mapToLong(process -> rssKb(process.pid())).sum();
        }).orElse(0L);
    }

    /** VmRSS from /proc (0 when the process is gone). */
    private static long rssKb(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")))
                    .findFirst().orElse(0);
        } catch (IOException e) {
            return 0;
        }
    }
}
