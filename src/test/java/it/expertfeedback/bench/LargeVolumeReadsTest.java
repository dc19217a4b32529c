package it.expertfeedback.bench;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.QueryParameters;
import it.expertfeedback.analytics.ui.AnalyticsView;
import it.expertfeedback.app.demo.ScaledDataset;
import it.expertfeedback.feedback.FeedbackCategory;
import it.expertfeedback.feedback.FeedbackRow;
import it.expertfeedback.feedback.ui.FeedbackBrowserView;
import it.expertfeedback.support.BrowserlessUi;
import it.expertfeedback.support.KeepsSecurityContextStrategy;
import it.expertfeedback.support.SeparateApplication;
import it.expertfeedback.support.TestDatabase;
import it.expertfeedback.support.TestUsers;
import java.time.Clock;
import java.util.List;
import java.util.function.BiConsumer;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The feedback browser and the analytics dashboard, opened as a reviewer opens them, read the same small amount of
 * the feedback table whether it holds the seed's year-1 volume (10,000 feedback) or ten times it (100,000): pages,
 * counts, charts and the leaderboard never walk the table, so they stay responsive at 100× (1M rows, measured by
 * {@code ./efs benchmark}). What was read is counted by PostgreSQL itself — the transaction's own statistics: index
 * entries and rows returned, heap rows fetched — with the views' work done inside that one transaction.
 */
@ExtendWith(KeepsSecurityContextStrategy.class)
class LargeVolumeReadsTest {

    private static ConfigurableApplicationContext app;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void application() {
        app = SeparateApplication.onDatabase(TestDatabase.freshDatabaseUrl("volume"), "efs.demo-data=false",
                "efs.admin.password=Admin-volume-2026", "logging.level.root=WARN");
        jdbc = app.getBean(JdbcTemplate.class);
    }

    @AfterAll
    static void close() {
        app.close();
    }

    @Test
    void the_feedback_browser_and_the_dashboard_read_as_little_at_ten_times_the_volume() {
        TestUsers.Created reviewer = addVolume(1, 2026);
        assertThat(feedbackRows()).isEqualTo(10_000);
        long browserAtOne = feedbackEntriesReadBy(reviewer, LargeVolumeReadsTest::openTheFeedbackBrowser);
        long dashboardAtOne = feedbackEntriesReadBy(reviewer, LargeVolumeReadsTest::openTheDashboard);

        addVolume(9, 2027);
        assertThat(feedbackRows()).isEqualTo(100_000);
        long browserAtTen = feedbackEntriesReadBy(reviewer, LargeVolumeReadsTest::openTheFeedbackBrowser);
        long dashboardAtTen = feedbackEntriesReadBy(reviewer, LargeVolumeReadsTest::openTheDashboard);

        System.out.printf("Feedback entries read — browser: %d at 1x, %d at 10x; dashboard: %d at 1x, %d at 10x%n",
                browserAtOne, browserAtTen, dashboardAtOne, dashboardAtTen);
        // 90,000 rows more, yet the reads grow by less than 5 % of that (one whole-table read alone would add 90,000;
        // what growth there is comes from the planner switching plans, e.g. a bitmap scan at 1×, an index scan at 10×).
        assertThat(browserAtTen - browserAtOne).isLessThan(4_500);
        assertThat(dashboardAtTen - dashboardAtOne).isLessThan(4_500);
        assertThat(browserAtTen).isLessThan(10_000);
        assertThat(dashboardAtTen).isLessThan(10_000);
    }

    private static void openTheFeedbackBrowser(BrowserlessUi ui, long rows) {
        ui.navigate("feedback/browse", FeedbackBrowserView.class);
        assertThat(GridKt._size(feedbackGrid())).isEqualTo((int) rows);
        List<FeedbackRow> firstPage = GridKt._fetch(feedbackGrid(), 0, 50);
        assertThat(firstPage).hasSize(50);
        assertThat(firstPage.getFirst().feedbackTimestamp()).isAfterOrEqualTo(firstPage.getLast().feedbackTimestamp());
        assertThat(_get(Button.class, spec -> spec.withId("count-category-normativa_obsoleta")).getText()).isNotBlank();
        // What a click on a category count opens: the page and the counts again, filtered.
        UI.getCurrent().navigate("feedback/browse", QueryParameters.fromString("category=normativa_obsoleta&type=incorrect"));
        assertThat(ui.currentView()).isInstanceOf(FeedbackBrowserView.class);
        assertThat(GridKt._fetch(feedbackGrid(), 0, 50)).hasSize(50)
                .allMatch(row -> row.category() == FeedbackCategory.normativa_obsoleta);
    }

    private static void openTheDashboard(BrowserlessUi ui, long rows) {
        ui.navigate("analytics", AnalyticsView.class);
        @SuppressWarnings("unchecked")
        Select<Integer> period = _get(Select.class, spec -> spec.withId("analytics-period"));
        period.setValue(90);
        long shown = Long.parseLong(_get(Span.class, spec -> spec.withId("kpi-feedback-value")).getText().replace(".", ""));
        assertThat(shown).isBetween(rows / 5, rows / 3); // ≈ 90/365 of the rows
        assertThat(GridKt._size(_get(Grid.class, spec -> spec.withId("analytics-leaderboard")))).isEqualTo(20);
    }

    /** SCALE × the year-1 volume more (its own experts, reviewer, feedback and candidates); returns the reviewer. */
    private static TestUsers.Created addVolume(int scale, long seed) {
        ScaledDataset.Result dataset = new ScaledDataset(app.getBean(DataSource.class), app.getBean(PasswordEncoder.class),
                app.getBean(Clock.class)).generate(scale, seed);
        jdbc.execute("vacuum analyze");
        return new TestUsers.Created(dataset.reviewerId(), dataset.reviewerEmail());
    }

    private static long feedbackRows() {
        return jdbc.queryForObject("select count(*) from expert_feedback", Long.class);
    }

    @SuppressWarnings("unchecked")
    private static Grid<FeedbackRow> feedbackGrid() {
        return _get(Grid.class, spec -> spec.withId("feedback-grid"));
    }

    /**
     * Index entries and rows of expert_feedback (table and all its indexes) returned or fetched while the action
     * runs, from the transaction's own statistics. Parallel workers are off so that every read is this backend's.
     */
    /** The action gets the UI and the number of feedback rows (counted before, outside the measured transaction). */
    private static long feedbackEntriesReadBy(TestUsers.Created reviewer, BiConsumer<BrowserlessUi, Long> action) {
        long rows = feedbackRows();
        try (BrowserlessUi ui = BrowserlessUi.signedInAs(app, reviewer)) {
            return new TransactionTemplate(app.getBean(PlatformTransactionManager.class)).execute(status -> {
                jdbc.execute("set local max_parallel_workers_per_gather = 0");
                long before = feedbackEntriesRead();
                action.accept(ui, rows);
                return feedbackEntriesRead() - before;
            });
        }
    }

    private static long feedbackEntriesRead() {
        return jdbc.queryForObject("""
                select sum(pg_stat_get_xact_tuples_returned(c.oid) + pg_stat_get_xact_tuples_fetched(c.oid))
                from pg_class c
                where c.oid = 'expert_feedback'::regclass
                   or c.oid in (select indexrelid from pg_index where indrelid = 'expert_feedback'::regclass)""", Long.class);
    }
}
