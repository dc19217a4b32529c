package it.expertfeedback.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import it.expertfeedback.support.ProductionJar;
import it.expertfeedback.support.SubmissionLoad;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Eight clients submit through REST while the production jar is killed with SIGKILL, once together with its embedded
 * PostgreSQL (a power cut) and once alone (its server lives on, holding postmaster.pid). After each, the jar starts
 * again on the same folder without help, and every submission that was answered 201 is in the database.
 */
@Tag(ProductionJar.TAG)
class CrashTest {

    private static final int CLIENTS = 8;

    @Test
    void nothing_acknowledged_is_lost_and_the_app_starts_again_after_sigkill() throws Exception {
        Path dataDir = Files.createTempDirectory("efs-crash").resolve("postgres");
        List<String> acknowledged = new ArrayList<>();

        // Killed jars are closed too (a no-op when already dead): a failed assertion must not leave one running.
        try (ProductionJar first = ProductionJar.start("crash-1", dataDir)) {
            acknowledged.addAll(submitAndKill(first, true));
        }
        try (ProductionJar second = ProductionJar.start("crash-2", dataDir)) {
            assertThat(missing(second, acknowledged)).as("acknowledged submissions lost after killing app and database").isEmpty();
            acknowledged.addAll(submitAndKill(second, false));
        }
        try (ProductionJar third = ProductionJar.start("crash-3", dataDir)) {
            assertThat(third.log()).contains("a server of a previous run is still running");
            assertThat(missing(third, acknowledged)).as("acknowledged submissions lost after killing the app").isEmpty();
        }
    }

    /** Submits with {@value #CLIENTS} clients, then SIGKILLs the JVM (and the database's processes if asked). */
    private static List<String> submitAndKill(ProductionJar app, boolean killDatabaseToo) throws Exception {
        ProcessHandle postmaster = app.postmaster().orElseThrow();
        SubmissionLoad load = SubmissionLoad.start(app.url(""), CLIENTS);
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (load.acknowledged().size() < 300 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        // Mid-burst: requests are in flight, some committed and not yet answered. The database goes first, all its
        // processes at once (the WAL writer included): what it acknowledged and had not written is gone, as in a
        // power cut; then the JVM.
        if (killDatabaseToo) {
            List<ProcessHandle> database = new ArrayList<>(postmaster.descendants().toList());
            database.add(postmaster);
            database.forEach(ProcessHandle::destroyForcibly);
        }
        app.kill();
        load.stop();
        List<String> acknowledged = load.acknowledged();
        System.out.printf("Crash test (%s): %d submissions answered 201 before SIGKILL, %d failed%n",
                killDatabaseToo ? "app and database" : "app only", acknowledged.size(), load.failures());
        assertThat(acknowledged).as("the clients got answers before the kill").hasSizeGreaterThan(20);
        if (!killDatabaseToo) {
            assertThat(Optional.of(postmaster).filter(ProcessHandle::isAlive)).as("the old server lives on").isPresent();
        }
        return acknowledged;
    }

    private static List<String> missing(ProductionJar app, List<String> acknowledged) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + app.databasePort() + "/postgres",
                "postgres", app.databasePassword());
             PreparedStatement statement = connection.prepareStatement("""
                     select wanted from unnest(?::uuid[]) wanted
                     where not exists (select 1 from expert_feedback f where f.id = wanted)""")) {
            statement.setArray(1, connection.createArrayOf("uuid", acknowledged.toArray()));
            List<String> missing = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    missing.add(rs.getString(1));
                }
            }
            return missing;
        }
    }
}
