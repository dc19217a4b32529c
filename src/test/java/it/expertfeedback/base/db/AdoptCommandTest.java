package it.expertfeedback.base.db;

import static org.assertj.core.api.Assertions.assertThat;

import it.expertfeedback.support.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code ./efs adopt --check} and {@code ./efs adopt} as the script runs them ({@code Application.main} with
 * {@code --efs.adopt=check|apply}, the database from SPRING_DATASOURCE_*), in a real separate JVM.
 */
class AdoptCommandTest {

    private record Run(int exit, String output) {
    }

    private static Run adopt(String url, String mode) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "it.expertfeedback.Application", "--efs.adopt=" + mode)
                .redirectErrorStream(true);
        builder.environment().put("SPRING_DATASOURCE_URL", url);
        builder.environment().put("SPRING_DATASOURCE_USERNAME", "postgres");
        builder.environment().put("SPRING_DATASOURCE_PASSWORD", "postgres");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output);
    }

    @Test
    void check_reports_and_changes_nothing_then_adopt_applies_every_migration() throws Exception {
        String url = TestDatabase.adoptedAssistantDatabaseUrl("adopt_cmd", true);
        JdbcTemplate jdbc = Migrations.jdbc(url);
        List<String> before = CatalogSnapshot.of(jdbc);

        Run check = adopt(url, "check");
        assertThat(check.exit()).as(check.output()).isZero();
        assertThat(check.output()).contains("== Would change", "duplicate (expert query_id)", "superseded",
                "credential_types: admin x1", "Result: ready to migrate");
        assertThat(CatalogSnapshot.of(jdbc)).isEqualTo(before);

        Run apply = adopt(url, "apply");
        assertThat(apply.exit()).as(apply.output()).isZero();
        assertThat(apply.output()).contains("Adopted: every pending migration applied");
        assertThat(jdbc.queryForList("select version from flyway_schema_history where success and version <> '0'"
                + " order by installed_rank", String.class)).containsExactlyElementsOf(TestDatabase.migrationVersions());
    }

    @Test
    void a_blocking_problem_exits_1_with_the_report_and_changes_nothing() throws Exception {
        String url = TestDatabase.adoptedAssistantDatabaseUrl("adopt_cmd_blocked", false);
        JdbcTemplate jdbc = Migrations.jdbc(url);
        // The original compares emails exactly; ours ignore case: V1's unique index would fail.
        jdbc.update("""
                insert into "user" (email, hashed_password, created_at) values ('Super@Pratiko.it', 'x', now())""");
        List<String> before = CatalogSnapshot.of(jdbc);

        Run apply = adopt(url, "apply");
        assertThat(apply.exit()).isOne();
        assertThat(apply.output()).contains("emails equal ignoring case: super@pratiko.it x2", "Result: BLOCKED");
        assertThat(CatalogSnapshot.of(jdbc)).isEqualTo(before);
    }
}
