package it.expertfeedback.base.db;

import static org.assertj.core.api.Assertions.assertThat;

import it.expertfeedback.support.Api;
import it.expertfeedback.support.KeepsSecurityContextStrategy;
import it.expertfeedback.support.SeparateApplication;
import it.expertfeedback.support.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** EFS_ADMIN_EMAIL on an adopted database without any administrator makes that existing account ADMIN (§11). */
@ExtendWith(KeepsSecurityContextStrategy.class)
class AdoptedAdminPromotionTest {

    @Test
    void the_configured_email_of_an_existing_account_becomes_admin_on_the_first_start_only() {
        String url = TestDatabase.adoptedAssistantDatabaseUrl("adopted_promote", false);
        JdbcTemplate jdbc = Migrations.jdbc(url);
        jdbc.update("update \"user\" set role = 'user' where role = 'admin'");   // no legacy admin to map
        new Adoption(Migrations.dataSource(url), List.of()).apply();
        assertThat(jdbc.queryForObject("select count(*) from user_role where role = 'ADMIN'", Integer.class)).isZero();

        try (ConfigurableApplicationContext app = SeparateApplication.onDatabase(url, "efs.demo-data=false",
                "efs.admin.email=Utente@Pratiko.it", "efs.admin.password=")) {
            Api api = new Api(Integer.parseInt(app.getEnvironment().getRequiredProperty("local.server.port")));
            // Its own original password, now with the administrator's rights; no account was created.
            String token = api.token("utente@pratiko.it", TestDatabase.ORIGINAL_USER_PASSWORD);
            assertThat(api.get("/api/v1/admin/users", token).status()).isEqualTo(200);
            assertThat(jdbc.queryForObject("select count(*) from \"user\"", Integer.class)).isEqualTo(5);
        }
        // Later starts with another email change nothing: an ADMIN exists.
        try (ConfigurableApplicationContext again = SeparateApplication.onDatabase(url, "efs.demo-data=false",
                "efs.admin.email=super@pratiko.it", "efs.admin.password=")) {
            assertThat(jdbc.queryForList("""
                    select u.email from user_role r join "user" u on u.id = r.user_id where r.role = 'ADMIN'""",
                    String.class)).containsExactly("utente@pratiko.it");
        }
    }
}
