package it.expertfeedback.base.ops;

import static org.assertj.core.api.Assertions.assertThat;

import it.expertfeedback.support.Api;
import it.expertfeedback.support.KeepsSecurityContextStrategy;
import it.expertfeedback.support.SeparateApplication;
import it.expertfeedback.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * EFS_MANAGEMENT_PORT (docs/OPERATIONS.md): the actuator moves to its own port, where a scraper on the private network
 * reads Prometheus without a token; the application port no longer serves it, and health keeps its contract there.
 */
@ExtendWith(KeepsSecurityContextStrategy.class)
class ManagementPortTest {

    @Test
    void on_the_management_port_prometheus_needs_no_token_and_the_application_port_does_not_serve_it() {
        int managementPort = StartupReadinessTest.freePort();
        try (ConfigurableApplicationContext app = SeparateApplication.onDatabase(
                TestDatabase.freshDatabaseUrl("management"), "efs.demo-data=false", "efs.admin.password=Admin-2026!",
                "management.server.port=" + managementPort)) {
            Api management = new Api(managementPort);
            Api application = new Api(Integer.parseInt(app.getEnvironment().getRequiredProperty("local.server.port")));

            Api.Response scrape = management.get("/actuator/prometheus", null);
            assertThat(scrape.status()).isEqualTo(200);
            assertThat(scrape.body()).contains("efs_feedback_submissions_total").contains("jvm_memory_used_bytes");
            assertThat(management.get("/actuator/health", null).body()).isEqualTo("{\"status\":\"UP\"}");
            assertThat(management.get("/actuator/health/readiness", null).status()).isEqualTo(200);

            assertThat(application.get("/actuator/prometheus", null).body()).doesNotContain("jvm_memory_used_bytes");
        }
    }
}
