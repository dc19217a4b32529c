package it.expertfeedback.analytics.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import it.expertfeedback.analytics.AnalyticsExport;
import it.expertfeedback.analytics.AnalyticsService;
import it.expertfeedback.analytics.AnalyticsSummary;
import it.expertfeedback.analytics.AnalyticsSummary.CategoryAgreement;
import it.expertfeedback.analytics.AnalyticsSummary.InboxDay;
import it.expertfeedback.security.Role;
import it.expertfeedback.support.BrowserlessUi;
import it.expertfeedback.support.IntegrationTest;
import it.expertfeedback.support.SignedIn;
import it.expertfeedback.support.TestUsers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The review inbox on the analytics dashboard (issue 15): a hand-made week of requests with known arrival and verdict
 * times (Italian time, March 2021, so no other test's rows fall in the window) gives exact per-day counts, the exact
 * median time to the first verdict and the exact agreement per category, on the screen and in the downloads.
 */
@IntegrationTest
class InboxDashboardTest {

    static final ZoneId ROME = ZoneId.of("Europe/Rome");
    static final LocalDate FROM = LocalDate.of(2021, 3, 1);
    static final LocalDate TO = LocalDate.of(2021, 3, 7);

    @Autowired
    ApplicationContext context;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AnalyticsService analytics;

    private static Timestamp at(int day, int hour, int minute) {
        return Timestamp.from(LocalDateTime.of(2021, 3, day, hour, minute).atZone(ROME).toInstant());
    }

    /** A request and its done reviews; {@code verdicts[i]} arrived {@code hoursAfter[i]} hours after the request. */
    private void request(String topic, Timestamp created, String status, double[] hoursAfter, String... verdicts) {
        UUID id = UUID.randomUUID();
        UUID queryId = UUID.randomUUID();
        int required = Math.max(1, verdicts.length);
        Timestamp completed = "done".equals(status)
                ? new Timestamp(created.getTime() + (long) (hoursAfter[hoursAfter.length - 1] * 3_600_000)) : null;
        // first_verdict_at as the inbox keeps it when a review completes (InboxQueries.touch).
        Timestamp firstVerdict = verdicts.length == 0 ? null
                : new Timestamp(created.getTime() + (long) (java.util.Arrays.stream(hoursAfter).min().orElseThrow() * 3_600_000));
        jdbc.update("""
                insert into review_request (id, query_id, query_text, original_answer, topic, required_reviews, content_hash,
                                            status, created_at, updated_at, completed_at, cancelled_at, first_verdict_at)
                values (?, ?, 'Domanda di prova sul cruscotto', 'Risposta di prova', ?, ?, repeat('a', 64), ?, ?, ?, ?, ?, ?)""",
                id, queryId, topic, required, status, created, created, completed, "cancelled".equals(status) ? created : null,
                firstVerdict);
        if (verdicts.length == 0) {
            jdbc.update("""
                    insert into review_slot (request_id, slot_no, query_id, priority, requested_at, state)
                    values (?, 1, ?, 50, ?, 'cancelled')""", id, queryId, created);
        }
        for (int i = 0; i < verdicts.length; i++) {
            jdbc.update("""
                    insert into review_slot (request_id, slot_no, query_id, priority, requested_at, state, expert_id,
                                             feedback_type, completed_at)
                    values (?, ?, ?, 50, ?, 'done', ?, ?, ?)""", id, i + 1, queryId, created, UUID.randomUUID(),
                    verdicts[i], new Timestamp(created.getTime() + (long) (hoursAfter[i] * 3_600_000)));
        }
    }

    @BeforeEach
    void aKnownWeek() {
        jdbc.update("delete from review_request where created_at >= '2021-02-01' and created_at < '2021-04-01'");
        // IVA, two reviews each: first verdicts after 1 h, 2 h, 4 h, 30 min.
        request("iva", at(1, 9, 0), "done", new double[] {1, 3}, "correct", "correct");
        request("iva", at(1, 23, 30), "done", new double[] {2, 2.5}, "correct", "incorrect"); // done on 2 March
        request("iva", at(2, 10, 0), "done", new double[] {4, 5}, "incorrect", "incorrect");
        request("iva", at(3, 8, 0), "done", new double[] {0.5, 1}, "incomplete", "correct");
        // Lavoro, three reviews each: first verdicts after 10 h, 6 h, 5 h (the last one done the next day).
        request("lavoro", at(3, 10, 0), "done", new double[] {10, 11, 12}, "correct", "correct", "correct");
        request("lavoro", at(4, 9, 0), "done", new double[] {6, 7, 8}, "incorrect", "incorrect", "incorrect");
        request("lavoro", at(4, 12, 0), "done", new double[] {5, 6, 25}, "correct", "correct", "incorrect");
        request("iva", at(5, 10, 0), "cancelled", new double[0]);                      // received, never judged
        request(null, at(6, 9, 0), "done", new double[] {2}, "correct");                // one review: no agreement
        // Received before the window, judged inside it: counts as judged on 1 March only.
        request("iva", Timestamp.from(LocalDateTime.of(2021, 2, 28, 10, 0).atZone(ROME).toInstant()), "done",
                new double[] {24}, "correct");
    }

    @Test
    void the_dashboard_shows_received_vs_judged_per_day_the_median_to_first_verdict_and_agreement_per_category()
            throws IOException {
        try (BrowserlessUi ui = BrowserlessUi.signedInAs(context, users.create("REVIEWER"))) {
            AnalyticsView view = ui.navigate("analytics", AnalyticsView.class);
            view.period.setValue(0);
            view.from.setValue(FROM);
            view.to.setValue(TO);
            ButtonKt._click(view.apply);

            AnalyticsSummary.InboxFigures inbox = view.summary().inbox();
            assertThat(inbox.days()).containsExactly(
                    new InboxDay(FROM, 2, 2), new InboxDay(FROM.plusDays(1), 1, 2), new InboxDay(FROM.plusDays(2), 2, 2),
                    new InboxDay(FROM.plusDays(3), 2, 1), new InboxDay(FROM.plusDays(4), 1, 1),
                    new InboxDay(FROM.plusDays(5), 1, 1), new InboxDay(TO, 0, 0));
            // Newest day first in the table, as on the other dashboards.
            assertThat(view.inbox.days.getListDataView().getItems().map(d -> d.day().toString()).findFirst())
                    .contains("2021-03-07");
            assertThat(text("inbox-received-value")).isEqualTo("9");
            assertThat(text("inbox-judged-value")).isEqualTo("9");
            // First verdicts 0.5, 1, 2, 2, 4, 5, 6, 10 h → median (2 + 4) / 2 = 3 h = 10,800 s.
            assertThat(inbox.medianSecondsToFirstVerdict()).isEqualTo(10_800.0);
            assertThat(text("inbox-first-verdict-value")).isEqualTo("3,0 ore");
            assertThat(view.inbox.chart.getOption()).contains("\"data\":[2,1,2,2,1,1,0]").contains("\"data\":[2,2,2,1,1,1,0]");

            List<CategoryAgreement> agreement = view.inbox.agreement.getListDataView().getItems().toList();
            assertThat(agreement).extracting(view.inbox::categoryLabel)
                    .containsExactly("IVA", "Lavoro", "Tutte le categorie");
            CategoryAgreement iva = agreement.get(0);
            // Cohen, first vs second verdict: p_o = 2/4, p_e = 2/4·2/4 + 1/4·0 + 1/4·2/4 = 0.375 → κ = 0.125 / 0.625 = 0.2
            assertThat(iva.requests()).isEqualTo(4);
            assertThat(iva.unanimous()).isEqualTo(2);
            assertThat(iva.unanimousShare()).isEqualTo(0.5);
            assertThat(iva.method()).isEqualTo("cohen");
            assertThat(iva.kappa()).isCloseTo(0.2, within(1e-12));
            // Fleiss, 3 raters: P̄ = (1 + 1 + 1/3) / 3 = 7/9, P̄e = (5/9)² + (4/9)² = 41/81 → κ = 22/40 = 0.55
            CategoryAgreement lavoro = agreement.get(1);
            assertThat(lavoro.requests()).isEqualTo(3);
            assertThat(lavoro.unanimous()).isEqualTo(2);
            assertThat(lavoro.method()).isEqualTo("fleiss");
            assertThat(lavoro.kappa()).isCloseTo(0.55, within(1e-12));
            // Overall: Fleiss per number of raters, weighted by requests: (4 · 3/19 + 3 · 0.55) / 7 = 867/2660.
            CategoryAgreement overall = agreement.get(2);
            assertThat(overall.overall()).isTrue();
            assertThat(overall.requests()).isEqualTo(7);
            assertThat(overall.unanimous()).isEqualTo(4);
            assertThat(overall.method()).isEqualTo("fleiss");
            assertThat(overall.kappa()).isCloseTo(867.0 / 2660, within(1e-12));
            assertThat(_get(Paragraph.class, p -> p.withId("analytics-inbox-category-help")).getText())
                    .contains("Categoria: l'argomento");

            try (SignedIn reviewer = SignedIn.as(users.create("REVIEWER"), Role.REVIEWER)) {
                assertThat(export(AnalyticsExport.Table.INBOX_FLOW, view.summary())).isEqualTo("""
                        \uFEFFday;received;judged
                        2021-03-01;2;2
                        2021-03-02;1;2
                        2021-03-03;2;2
                        2021-03-04;2;1
                        2021-03-05;1;1
                        2021-03-06;1;1
                        2021-03-07;0;0
                        total;9;9
                        median_seconds_to_first_verdict;10800
                        """);
                assertThat(export(AnalyticsExport.Table.INBOX_AGREEMENT, view.summary())).isEqualTo("""
                        \uFEFFcategory;requests;unanimous;unanimous_share;kappa;kappa_method
                        iva;4;2;0.5;0.2;cohen
                        lavoro;3;2;0.6667;0.55;fleiss
                        all;7;4;0.5714;0.3259;fleiss
                        """);
            }
        }
    }

    private String export(AnalyticsExport.Table table, AnalyticsSummary summary) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        analytics.export(table, AnalyticsExport.Format.CSV, summary, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String text(String id) {
        return _get(Span.class, spec -> spec.withId(id)).getText();
    }
}
