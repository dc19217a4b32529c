package it.expertfeedback.base.db;

import static org.assertj.core.api.Assertions.assertThat;

import it.expertfeedback.analytics.AnalyticsExport;
import it.expertfeedback.analytics.AnalyticsService;
import it.expertfeedback.analytics.AnalyticsSummary;
import it.expertfeedback.analytics.AnalyticsSummary.CategoryCount;
import it.expertfeedback.analytics.AnalyticsWindow;
import it.expertfeedback.analytics.ExpertStats;
import it.expertfeedback.feedback.FeedbackCategory;
import it.expertfeedback.feedback.FeedbackFilter;
import it.expertfeedback.feedback.FeedbackRow;
import it.expertfeedback.feedback.FeedbackService;
import it.expertfeedback.feedback.FeedbackType;
import it.expertfeedback.security.Role;
import it.expertfeedback.support.Api;
import it.expertfeedback.support.KeepsSecurityContextStrategy;
import it.expertfeedback.support.SeparateApplication;
import it.expertfeedback.support.SignedIn;
import it.expertfeedback.support.TestDatabase;
import it.expertfeedback.support.TestUsers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The reading side on the assistant's database after {@code ./efs adopt} (DOMAIN.md §11): its VARCHAR verdict,
 * category and credential columns filtered without a cast to our enums, superseded duplicates out of every analytics
 * figure, a category label outside ours counted as "unknown" (shown "Sconosciuto"), and every listing answering.
 * Rows: {@link TestDatabase#adoptedAssistantDatabaseUrl} with duplicates plus {@link AdoptedRecentFeedback}.
 */
@ExtendWith(KeepsSecurityContextStrategy.class)
class AdoptedReadsTest {

    private static ConfigurableApplicationContext app;
    private static Api api;
    private static JdbcTemplate jdbc;
    private static TestUsers.Created admin;
    private static TestUsers.Created expert;

    @BeforeAll
    static void adoptAndStart() {
        String url = TestDatabase.adoptedAssistantDatabaseUrl("adopted_reads", true);
        AdoptedRecentFeedback.addTo(url);
        new Adoption(Migrations.dataSource(url), List.of()).apply();
        app = SeparateApplication.onDatabase(url, "efs.demo-data=false", "efs.admin.password=");
        api = new Api(Integer.parseInt(app.getEnvironment().getRequiredProperty("local.server.port")));
        jdbc = app.getBean(JdbcTemplate.class);
        admin = user("admin@pratiko.it");
        expert = user("esperto@pratiko.it");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static TestUsers.Created user(String email) {
        return new TestUsers.Created(jdbc.queryForObject("select id from \"user\" where email = ?", Integer.class, email),
                email);
    }

    @Test
    void the_feedback_browser_filters_the_varchar_columns_by_verdict_and_category_and_counts_what_it_lists() {
        FeedbackService feedback = app.getBean(FeedbackService.class);
        try (SignedIn signedIn = SignedIn.as(admin, Role.ADMIN)) {
            FeedbackFilter correct = FeedbackFilter.none().withType(FeedbackType.correct);
            List<FeedbackRow> rows = feedback.findFeedback(correct, false, PageRequest.of(0, 50));
            // Four rows hold 'correct' (one of them superseded, listed and marked as such on its page).
            assertThat(rows).hasSize(4).allSatisfy(row -> assertThat(row.type()).isEqualTo(FeedbackType.correct));
            assertThat(feedback.countFeedback(correct)).isEqualTo(rows.size());

            FeedbackFilter missingCase = FeedbackFilter.none().withCategory(FeedbackCategory.caso_mancante);
            assertThat(feedback.findFeedback(missingCase, false, PageRequest.of(0, 50))).singleElement()
                    .satisfies(row -> assertThat(row.queryText()).isEqualTo("Cedolare secca sui negozi"));
            assertThat(feedback.countFeedback(missingCase)).isOne();
            assertThat(feedback.findFeedback(missingCase.withType(FeedbackType.incomplete), false, PageRequest.of(0, 50)))
                    .hasSize(1);

            // Counts per verdict and per category: labels outside ours have no button, they never fail the counts.
            assertThat(feedback.countByType(FeedbackFilter.none())).isEqualTo(Map.of(FeedbackType.correct, 4L,
                    FeedbackType.incomplete, 2L, FeedbackType.incorrect, 3L));
            assertThat(feedback.countByCategory(FeedbackFilter.none())).isEqualTo(Map.of(FeedbackCategory.caso_mancante, 1L,
                    FeedbackCategory.calcolo_sbagliato, 1L));
            assertThat(feedback.countByCategory(FeedbackFilter.none().withText("IVA"))).containsOnlyKeys(
                    FeedbackCategory.calcolo_sbagliato);
            assertThat(feedback.countFeedback(FeedbackFilter.none())).isEqualTo(9);
        }
    }

    @Test
    void the_dashboard_leaves_superseded_feedback_out_and_counts_an_unknown_category_as_unknown() throws IOException {
        AnalyticsService analytics = app.getBean(AnalyticsService.class);
        try (SignedIn signedIn = SignedIn.as(admin, Role.ADMIN)) {
            AnalyticsSummary summary = analytics.summaryOfLastDays(30);
            // 2 current feedback in the window; the superseded third (incorrect, calcolo_sbagliato) counts nowhere.
            assertThat(summary.kpis().feedback()).isEqualTo(2);
            assertThat(summary.byVerdict()).isEqualTo(Map.of("correct", 1L, "incomplete", 1L, "incorrect", 0L));
            assertThat(summary.kpis().aiAccuracy()).isEqualTo(0.5);
            assertThat(summary.kpis().failureRate()).isEqualTo(0.0);
            assertThat(summary.kpis().backlog()).isEqualTo(1);
            assertThat(summary.kpis().expertsWithFeedback()).isEqualTo(1);
            assertThat(summary.byCategory()).containsExactly(new CategoryCount("caso_mancante", 0, 1, 0, 1),
                    new CategoryCount("unknown", 1, 0, 0, 1));
            assertThat(summary.trend().stream().mapToLong(AnalyticsSummary.TrendPoint::feedback).sum()).isEqualTo(2);
            assertThat(summary.leaderboard()).singleElement()
                    .satisfies(row -> assertThat(row.feedback()).isEqualTo(2));

            String csv = csv(analytics, AnalyticsExport.Table.CATEGORIES, summary);
            assertThat(csv).contains("caso_mancante;0;1;0;1", "unknown;1;0;0;1")
                    .doesNotContain("altro_codice", "calcolo_sbagliato");
            assertThat(csv(analytics, AnalyticsExport.Table.LEADERBOARD, summary)).contains(";2;");
            ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
            analytics.export(AnalyticsExport.Table.CATEGORIES, AnalyticsExport.Format.XLSX, summary, xlsx);
            try (var book = new org.dhatim.fastexcel.reader.ReadableWorkbook(
                    new java.io.ByteArrayInputStream(xlsx.toByteArray()))) {
                List<String> lines = book.getFirstSheet().read().stream()
                        .map(row -> row.stream().map(cell -> cell.getRawValue()).toList().toString()).toList();
                assertThat(lines).containsExactly("[category, correct, incomplete, incorrect, total]",
                        "[caso_mancante, 0, 1, 0, 1]", "[unknown, 1, 0, 0, 1]");
            }

            // The assistant's own autumn: 4 current of 6 rows, the one category label it had outside ours unknown.
            AnalyticsSummary autumn = analytics.summary(new AnalyticsWindow(LocalDate.of(2025, 9, 1), LocalDate.of(2025, 10, 31)));
            assertThat(autumn.kpis().feedback()).isEqualTo(4);
            assertThat(autumn.byVerdict()).isEqualTo(Map.of("correct", 2L, "incomplete", 0L, "incorrect", 2L));
            assertThat(autumn.byCategory()).containsExactly(new CategoryCount("unknown", 1, 0, 0, 1));
            assertThat(autumn.leaderboard()).singleElement().satisfies(row -> assertThat(row.feedback()).isEqualTo(4));
        }
        try (SignedIn signedIn = SignedIn.as(expert, Role.EXPERT)) {
            ExpertStats mine = analytics.myStats().orElseThrow();
            assertThat(mine.byVerdict()).isEqualTo(Map.of("correct", 1L, "incomplete", 1L, "incorrect", 0L));
        }
    }

    @Test
    void a_new_submission_on_a_query_with_a_superseded_duplicate_is_compared_with_the_current_row_only() {
        // query A of esperto@pratiko.it has a superseded row and the current one (AdoptedRecentFeedback).
        String token = api.token("esperto@pratiko.it", TestDatabase.ORIGINAL_EXPERT_PASSWORD);
        var body = tools.jackson.databind.json.JsonMapper.builder().build().createObjectNode();
        body.put("query_id", AdoptedRecentFeedback.QUERY_A.toString());
        body.put("feedback_type", "incomplete");
        body.put("category", "caso_mancante");
        body.put("query_text", "Detrazione IVA sulle auto aziendali");
        body.put("original_answer", "Risposta originale");
        body.put("expert_answer", "Manca il limite del 40% per le auto non strumentali.");
        body.put("confidence_score", 0.9);
        body.put("time_spent_seconds", 60);
        body.put("additional_details", "Art. 19-bis1, lett. c), DPR 633/1972.");
        // One current row per (expert, query): a different verdict is a conflict, never "two rows found" (500).
        Api.Response again = api.post("/api/v1/expert-feedback/submit", token, body.toString());
        assertThat(again.status()).as(again.body()).isEqualTo(409);
    }

    private static String csv(AnalyticsService analytics, AnalyticsExport.Table table, AnalyticsSummary summary)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        analytics.export(table, AnalyticsExport.Format.CSV, summary, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void the_rest_listings_filter_by_verdict_and_credential_and_every_window_answers() {
        String adminToken = api.token("admin@pratiko.it", TestDatabase.ORIGINAL_ADMIN_PASSWORD);
        for (String window : List.of("days=1", "days=7", "days=30", "days=90", "days=365", "days=3660",
                "from=2025-09-01&to=2025-10-31")) {
            Api.Response summary = api.get("/api/v1/analytics/summary?" + window, adminToken);
            assertThat(summary.status()).as(window + ": " + summary.body()).isEqualTo(200);
        }
        JsonNode month = api.get("/api/v1/analytics/summary?days=30", adminToken).json();
        assertThat(month.get("kpis").get("feedback").asLong()).isEqualTo(2);
        assertThat(month.get("by_category").valueStream().map(c -> c.get("category").asString()))
                .containsExactly("caso_mancante", "unknown");

        Api.Response auditors = api.get("/api/v1/admin/experts?credential_type=revisore_legale", adminToken);
        assertThat(auditors.status()).as(auditors.body()).isEqualTo(200);
        assertThat(auditors.json().get("items").valueStream().map(item -> item.get("email").asString()))
                .containsExactly("esperto@pratiko.it");

        String expertToken = api.token("esperto@pratiko.it", TestDatabase.ORIGINAL_EXPERT_PASSWORD);
        Api.Response correct = api.get("/api/v1/expert-feedback/history?feedback_type=correct", expertToken);
        assertThat(correct.status()).as(correct.body()).isEqualTo(200);
        assertThat(correct.json().get("items").valueStream().map(item -> item.get("category").asString()))
                .containsExactly("altro_codice");
        Api.Response incorrect = api.get("/api/v1/expert-feedback/history?feedback_type=incorrect", expertToken);
        assertThat(incorrect.json().get("total_count").asLong()).isOne();

        for (String listing : List.of("/api/v1/admin/experts", "/api/v1/admin/users", "/api/v1/faq",
                "/api/v1/faq/export.csv", "/api/v1/improvement-tasks", "/api/v1/improvement-tasks?category=non_classificato",
                "/api/v1/review-requests", "/api/v1/admin/adoption-report")) {
            Api.Response response = api.get(listing, adminToken);
            assertThat(response.status()).as(listing + ": " + response.body()).isEqualTo(200);
        }
    }
}
