package it.expertfeedback.security;

import static org.assertj.core.api.Assertions.assertThat;

import it.expertfeedback.support.Api;
import it.expertfeedback.support.TestDatabase;
import it.expertfeedback.support.KeepsSecurityContextStrategy;
import it.expertfeedback.support.SeparateApplication;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * First start on an empty external database (DOMAIN.md §7): exactly one administrator, from the configured
 * email/password or with a generated password logged once; later starts create nothing; no demo data.
 */
@ExtendWith({OutputCaptureExtension.class, KeepsSecurityContextStrategy.class})
class AdminBootstrapTest {

    private static final Pattern GENERATED =
            Pattern.compile("generated password: (\\S+) \\(shown only once\\)");

    private static ConfigurableApplicationContext start(String url, String... settings) {
        return SeparateApplication.onDatabase(url, settings);
    }

    private static Api api(ConfigurableApplicationContext context) {
        return new Api(Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port")));
    }

    private static long count(JdbcTemplate jdbc, String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    @Test
    void the_configured_admin_is_created_once_with_a_bcrypt_hash(CapturedOutput output) {
        String url = TestDatabase.freshDatabaseUrl("bootstrap");
        String password = "Segreto-Admin-2026!";
        try (ConfigurableApplicationContext app = start(url, "efs.demo-data=false",
                "efs.admin.email=  Titolare@Studio-Rossi.IT ", "efs.admin.password=" + password)) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            PasswordEncoder encoder = app.getBean(PasswordEncoder.class);

            assertThat(count(jdbc, "\"user\"")).isOne();
            var admin = jdbc.queryForMap("select id, email, password_hash, enabled from \"user\"");
            assertThat(admin.get("email")).isEqualTo("titolare@studio-rossi.it");
            assertThat(admin.get("enabled")).isEqualTo(true);
            String hash = (String) admin.get("password_hash");
            assertThat(hash).matches("\\$2[aby]?\\$\\d\\d\\$.{53}").doesNotContain(password);
            assertThat(encoder.matches(password, hash)).isTrue();
            assertThat(encoder.matches("wrong", hash)).isFalse();
            assertThat(jdbc.queryForList("select role from user_role where user_id = ?", String.class, admin.get("id")))
                    .containsExactly("ADMIN");
            UserAccount account = app.getBean(UserAccountRepository.class).findByEmail("TITOLARE@studio-rossi.it")
                    .orElseThrow();
            assertThat(account.getRoles()).containsExactly(Role.ADMIN);

            Api api = api(app);
            assertThat(api.login("titolare@studio-rossi.it", password).status()).isEqualTo(200);
            assertThat(api.login("titolare@studio-rossi.it", "not-the-password").status()).isEqualTo(401);

            assertThat(count(jdbc, "expert_profiles")).isZero();
            assertThat(count(jdbc, "expert_feedback")).isZero();
            assertThat(count(jdbc, "expert_faq_candidates")).isZero();
        }
        // A configured password is never printed.
        assertThat(output.getAll()).doesNotContain(password).doesNotContain("generated password");

        try (ConfigurableApplicationContext again = start(url, "efs.demo-data=false",
                "efs.admin.email=other-admin@studio-rossi.it", "efs.admin.password=Another-Password-1")) {
            JdbcTemplate jdbc = again.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForList("select email from \"user\"", String.class))
                    .containsExactly("titolare@studio-rossi.it");
            assertThat(count(jdbc, "user_role")).isOne();
            String hash = jdbc.queryForObject("select password_hash from \"user\"", String.class);
            assertThat(again.getBean(PasswordEncoder.class).matches(password, hash)).isTrue();
            assertThat(api(again).login("other-admin@studio-rossi.it", "Another-Password-1").status()).isEqualTo(401);
        }
    }

    @Test
    void without_a_password_one_is_generated_logged_once_and_works(CapturedOutput output) {
        String url = TestDatabase.freshDatabaseUrl("bootstrap");
        String generated;
        // No efs.demo-data at all: on an external database demo data stays off by default.
        try (ConfigurableApplicationContext app = start(url, "efs.admin.password=")) {
            List<String> shown = generatedPasswords(output.getAll());
            assertThat(shown).hasSize(1);
            generated = shown.getFirst();
            assertThat(generated).hasSizeGreaterThanOrEqualTo(16);
            assertThat(output.getAll()).contains("admin@efs.local");

            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForList("select email from \"user\"", String.class)).containsExactly("admin@efs.local");
            assertThat(jdbc.queryForList("select role from user_role", String.class)).containsExactly("ADMIN");
            String hash = jdbc.queryForObject("select password_hash from \"user\"", String.class);
            assertThat(hash).startsWith("$2").doesNotContain(generated);
            assertThat(app.getBean(PasswordEncoder.class).matches(generated, hash)).isTrue();
            assertThat(api(app).login("admin@efs.local", generated).status()).isEqualTo(200);

            assertThat(count(jdbc, "expert_profiles")).isZero();
            assertThat(count(jdbc, "expert_feedback")).isZero();
            assertThat(count(jdbc, "expert_faq_candidates")).isZero();
            assertThat(count(jdbc, "\"user\"")).isOne();
        }

        int logLengthAfterFirstStart = output.getAll().length();
        try (ConfigurableApplicationContext again = start(url, "efs.admin.password=")) {
            String secondStartLog = output.getAll().substring(logLengthAfterFirstStart);
            assertThat(generatedPasswords(secondStartLog)).isEmpty();
            assertThat(secondStartLog).doesNotContain(generated);
            JdbcTemplate jdbc = again.getBean(JdbcTemplate.class);
            assertThat(count(jdbc, "\"user\"")).isOne();
            assertThat(count(jdbc, "expert_profiles")).isZero();
            assertThat(api(again).login("admin@efs.local", generated).status()).isEqualTo(200);
        }
        assertThat(generatedPasswords(output.getAll())).containsExactly(generated);
    }

    @Test
    void the_application_starts_on_an_existing_assistant_database_and_keeps_its_accounts() {
        String url = TestDatabase.existingAssistantDatabaseUrl("assistant");

        // Spring Boot's own Flyway with application.properties, then Hibernate's schema validation.
        try (ConfigurableApplicationContext app = start(url, "efs.admin.password=Admin-assistant-2026")) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForList("""
                    select version from flyway_schema_history where success order by installed_rank""", String.class))
                    .containsExactlyElementsOf(withBaseline(TestDatabase.migrationVersions()));
            assertThat(jdbc.queryForList("""
                    select email || ' ' || full_name || ' ' || hashed_password from "user"
                    where email in ('mario.rossi@studio.it', 'anna.bianchi@caf.it') order by id""", String.class))
                    .containsExactly("mario.rossi@studio.it Mario Rossi hash1", "anna.bianchi@caf.it Anna Bianchi hash2");
            assertThat(count(jdbc, "expert_profiles")).isZero();
            assertThat(jdbc.queryForObject("select count(*) from pg_type where typname = 'feedback_type'", Long.class))
                    .isOne();
            assertThat(api(app).get("/actuator/health", null).body()).contains("\"UP\"");
        }
    }

    private static List<String> generatedPasswords(String log) {
        List<String> found = new ArrayList<>();
        Matcher matcher = GENERATED.matcher(log);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    /** Flyway's baseline (version 0) of an existing database, then every migration. */
    private static List<String> withBaseline(List<String> versions) {
        List<String> all = new ArrayList<>(List.of("0"));
        all.addAll(versions);
        return all;
    }
}
