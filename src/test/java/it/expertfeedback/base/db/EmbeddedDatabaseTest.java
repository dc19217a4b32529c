package it.expertfeedback.base.db;

import static org.assertj.core.api.Assertions.assertThat;

import it.expertfeedback.support.KeepsSecurityContextStrategy;
import it.expertfeedback.support.SeparateApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** Without SPRING_DATASOURCE_URL the application runs on its own PostgreSQL, and its data outlives a restart. */
@ExtendWith(KeepsSecurityContextStrategy.class)
class EmbeddedDatabaseTest {

    /** With its data in the test's own folder: never in the project's data/postgres. */
    private static ConfigurableApplicationContext start(Path dataDir, String... settings) {
        List<String> all = new ArrayList<>(List.of("efs.embedded-db.data-dir=" + dataDir, "efs.admin.password=Admin-embedded-2026"));
        all.addAll(List.of(settings));
        ConfigurableApplicationContext context = SeparateApplication.start(all.toArray(String[]::new));
        assertThat(dataDir.resolve("PG_VERSION")).as("the embedded database lives in the test's own folder").exists();
        return context;
    }

    @Test
    void the_embedded_database_keeps_its_data_between_two_starts() throws Exception {
        Path dataDir = Files.createTempDirectory("efs-embedded");
        String marker;
        try (ConfigurableApplicationContext first = start(dataDir, "efs.demo-data=false")) {
            assertThat(first.getBeansOfType(EmbeddedDatabase.class)).hasSize(1);
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            marker = "persisted-" + System.nanoTime() + "@efs.test";
            jdbc.update("insert into \"user\" (email, display_name, password_hash) values (?, 'Marker', 'x')", marker);
        }
        try (ConfigurableApplicationContext second = start(dataDir, "efs.demo-data=false")) {
            JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("select count(*) from \"user\" where email = ?", Long.class, marker)).isOne();
            // The admin of the first start is still the only admin: the bootstrap did not run twice.
            assertThat(jdbc.queryForObject("select count(*) from user_role where role = 'ADMIN'", Long.class)).isOne();
            assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history where success", Long.class))
                    .isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void demo_data_is_seeded_once_on_the_embedded_database_by_default() throws Exception {
        Path dataDir = Files.createTempDirectory("efs-embedded-demo");
        long feedbackAfterFirstStart;
        try (ConfigurableApplicationContext first = start(dataDir)) {
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            feedbackAfterFirstStart = jdbc.queryForObject("select count(*) from expert_feedback", Long.class);
            assertThat(feedbackAfterFirstStart).isGreaterThanOrEqualTo(2_000);
            assertThat(jdbc.queryForObject("select count(*) from expert_profiles", Long.class)).isGreaterThanOrEqualTo(24);
            assertThat(jdbc.queryForObject("select count(*) from expert_faq_candidates", Long.class)).isGreaterThanOrEqualTo(100);
            assertThat(jdbc.queryForObject("select count(distinct feedback_type) from expert_feedback", Long.class)).isEqualTo(3);
            assertThat(jdbc.queryForObject("select count(distinct category) from expert_feedback", Long.class)).isEqualTo(5);
            assertThat(jdbc.queryForObject("select count(*) from user_role where role = 'REVIEWER'", Long.class)).isEqualTo(2);
        }
        try (ConfigurableApplicationContext second = start(dataDir)) {
            JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("select count(*) from expert_feedback", Long.class)).isEqualTo(feedbackAfterFirstStart);
        }
    }
}
