package it.expertfeedback.analytics.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import it.expertfeedback.analytics.AnalyticsService;
import it.expertfeedback.security.Role;
import it.expertfeedback.support.Api;
import it.expertfeedback.support.BrowserlessUi;
import it.expertfeedback.support.IntegrationTest;
import it.expertfeedback.support.SignedIn;
import it.expertfeedback.support.TestUsers;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;
import tools.jackson.databind.JsonNode;

/** The dashboard against the REST summary on the same window, and who may see either. */
@IntegrationTest
class AnalyticsViewTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    TestUsers testUsers;

    @Autowired
    AnalyticsService analytics;

    @Test
    void the_dashboard_and_the_rest_summary_agree_on_the_same_window() {
        TestUsers.Created reviewer = testUsers.create("REVIEWER");
        JsonNode rest = new Api(port).get("/api/v1/analytics/summary?days=30",
                new Api(port).token(reviewer.email(), TestUsers.PASSWORD)).json();
        try (BrowserlessUi ui = BrowserlessUi.signedInAs(context, reviewer)) {
            AnalyticsView view = ui.navigate("analytics", AnalyticsView.class);
            assertThat(view.summary().window().from().toString()).isEqualTo(rest.get("window").get("from").asString());
            assertThat(text("kpi-feedback-value")).isEqualTo(String.valueOf(rest.get("kpis").get("feedback").asLong()));
            assertThat(text("kpi-backlog-value")).isEqualTo(String.valueOf(rest.get("kpis").get("backlog").asLong()));
            double accuracy = rest.get("kpis").get("ai_accuracy").asDouble() * 100;
            assertThat(text("kpi-accuracy-value")).isEqualTo(String.format(java.util.Locale.ITALIAN, "%.1f %%", accuracy));
            List<String> restCategories = new ArrayList<>();
            rest.get("by_category").forEach(c -> restCategories.add(c.get("category").asString() + "=" + c.get("total").asLong()));
            assertThat(view.summary().byCategory().stream().map(c -> c.category() + "=" + c.total()).toList())
                    .isEqualTo(restCategories);
            assertThat(view.categoryChart.getOption()).contains("Normativa obsoleta");
            assertThat(view.summary().funnel().created()).isEqualTo(rest.get("funnel").get("created").asLong());

            view.period.setValue(7);
            JsonNode week = new Api(port).get("/api/v1/analytics/summary?days=7",
                    new Api(port).token(reviewer.email(), TestUsers.PASSWORD)).json();
            assertThat(text("kpi-feedback-value")).isEqualTo(String.valueOf(week.get("kpis").get("feedback").asLong()));
        }
    }

    @Test
    void an_expert_is_refused_by_the_view_the_service_and_the_api() {
        TestUsers.Created expert = testUsers.createVerifiedExpert();
        try (BrowserlessUi ui = BrowserlessUi.signedInAs(context, expert)) {
            assertThatThrownBy(() -> ui.navigate("analytics")).isInstanceOf(MockAccessDeniedException.class);
        }
        try (SignedIn signedIn = SignedIn.as(expert, Role.EXPERT)) {
            assertThatThrownBy(() -> analytics.summaryOfLastDays(30)).isInstanceOf(AccessDeniedException.class);
        }
        Api api = new Api(port);
        assertThat(api.get("/api/v1/analytics/summary", api.token(expert.email(), TestUsers.PASSWORD)).status()).isEqualTo(403);
        String admin = api.token(testUsers.create("ADMIN").email(), TestUsers.PASSWORD);
        assertThat(api.get("/api/v1/analytics/summary?from=2026-01-01&to=2026-01-31", admin).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/analytics/summary?from=2026-02-01&to=2026-01-01", admin).status()).isEqualTo(422);
        assertThat(api.get("/api/v1/analytics/summary?days=0", admin).status()).isEqualTo(422);
    }

    @Test
    void a_category_opens_the_feedback_browser_filtered_to_it_and_to_the_window() {
        try (BrowserlessUi ui = BrowserlessUi.signedInAs(context, testUsers.create("REVIEWER"))) {
            AnalyticsView view = ui.navigate("analytics", AnalyticsView.class);
            view.period.setValue(7);
            view.openBrowser("normativa_obsoleta", null);
            String location = UI.getCurrent().getInternals().getActiveViewLocation().getPathWithQueryParameters();
            assertThat(location).startsWith("feedback/browse?").contains("category=normativa_obsoleta")
                    .contains("from=" + view.summary().window().from()).contains("to=" + view.summary().window().to());
        }
    }

    private static String text(String id) {
        return _get(Span.class, spec -> spec.withId(id)).getText();
    }
}
