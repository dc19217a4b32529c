package it.expertfeedback.analytics.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import it.expertfeedback.base.ui.AppDatePicker;
import it.expertfeedback.analytics.AnalyticsExport;
import it.expertfeedback.analytics.AnalyticsService;
import it.expertfeedback.analytics.AnalyticsSummary;
import it.expertfeedback.analytics.AnalyticsSummary.CategoryCount;
import it.expertfeedback.analytics.AnalyticsSummary.LeaderRow;
import it.expertfeedback.analytics.AnalyticsWindow;
import it.expertfeedback.base.ui.EChart;
import it.expertfeedback.base.ui.FilterBar;
import it.expertfeedback.base.ui.Formats;
import it.expertfeedback.feedback.FeedbackCategory;
import it.expertfeedback.feedback.FeedbackType;
import it.expertfeedback.base.ui.UiErrors;
import it.expertfeedback.security.AppRoles;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The quality dashboard (DOMAIN.md §6) for reviewers and admins, composed of sections: KPI tiles against the
 * previous window, charts drawn by Apache ECharts, the category, leaderboard and funnel tables (each downloadable
 * as CSV, written by the analytics feature). A category or a verdict opens the feedback browser filtered to it
 * and to the window.
 */
@Route("analytics")
@RolesAllowed({AppRoles.REVIEWER, AppRoles.ADMIN})
@Menu(order = 11, title = "nav.analytics", icon = "vaadin:chart")
public class AnalyticsView extends VerticalLayout implements HasDynamicTitle {

    final Select<Integer> period = new Select<>();
    final DatePicker from = new AppDatePicker();
    final DatePicker to = new AppDatePicker();
    final Button apply = new Button();
    final KpiTiles tiles = new KpiTiles();
    final HorizontalLayout verdicts = new HorizontalLayout();
    final EChart categoryChart = new EChart();
    final EChart trendChart = new EChart();
    final EChart funnelChart = new EChart();
    final Grid<CategoryCount> categories = DashboardGrids.categories(this, category -> openBrowser(category, null));
    final Grid<LeaderRow> leaderboard = DashboardGrids.leaderboard(this, tiles::percent,
            trust -> Formats.score(trust, getLocale()));
    final Grid<String[]> funnel = DashboardGrids.funnel(this);
    final InboxSection inbox;
    private final transient AnalyticsService analytics;
    private final transient JsonMapper json;
    private final transient Clock clock;
    private AnalyticsSummary summary;

    AnalyticsView(AnalyticsService analytics, JsonMapper json, Clock clock) {
        this.analytics = analytics;
        this.json = json;
        this.clock = clock;
        setWidthFull();
        inbox = new InboxSection(analytics, () -> summary, json);
        add(new H2(getTranslation("nav.analytics")), windowBar(), tiles, verdicts,
                section("analytics.by-category", "analytics-categories", AnalyticsExport.Table.CATEGORIES, categoryChart, categories),
                new H3(getTranslation("analytics.trend")), trendChart,
                section("analytics.leaderboard", "analytics-leaderboard", AnalyticsExport.Table.LEADERBOARD, leaderboard),
                section("analytics.funnel", "analytics-funnel", AnalyticsExport.Table.FUNNEL, funnelChart, funnel), inbox);
        verdicts.setId("analytics-verdicts");
        categoryChart.setId("chart-categories");
        trendChart.setId("chart-trend");
        funnelChart.setId("chart-funnel");
        categoryChart.addItemClickListener((series, item) -> openBrowser(categoryCode(item), verdictCode(series)));
        period.setValue(30);
    }

    private FilterBar windowBar() {
        period.setLabel(getTranslation("analytics.window"));
        period.setItems(7, 30, 90, 0);
        period.setItemLabelGenerator(days -> days == 0 ? getTranslation("analytics.window.custom")
                : getTranslation("analytics.window.days", days));
        period.setId("analytics-period");
        period.addValueChangeListener(e -> {
            boolean custom = e.getValue() != null && e.getValue() == 0;
            from.setVisible(custom);
            to.setVisible(custom);
            apply.setVisible(custom);
            if (e.getValue() != null && !custom) {
                show(AnalyticsWindow.lastDays(e.getValue(), clock));
            }
        });
        from.setLabel(getTranslation("audit.from"));
        from.setId("analytics-from");
        to.setLabel(getTranslation("audit.to"));
        to.setId("analytics-to");
        apply.setText(getTranslation("analytics.apply"));
        apply.setId("analytics-apply");
        apply.addClickListener(click -> UiErrors.run(this, () -> show(new AnalyticsWindow(from.getValue(), to.getValue()))));
        from.setVisible(false);
        to.setVisible(false);
        apply.setVisible(false);
        return new FilterBar(period, from, to, apply);
    }

    private ExportableSection section(String titleKey, String id, AnalyticsExport.Table table, Component... content) {
        return new ExportableSection(titleKey, id, table, analytics, () -> summary, content);
    }

    /** Reads every KPI of the window and redraws tiles, charts and tables. */
    void show(AnalyticsWindow window) {
        summary = analytics.summary(window);
        tiles.show(summary);
        verdicts.removeAll();
        for (FeedbackType type : FeedbackType.values()) {
            String verdict = type.code();
            Button button = new Button(getTranslation(type.labelKey()) + " (" + summary.byVerdict().get(verdict) + ")",
                    click -> openBrowser(null, verdict));
            button.addThemeVariants(ButtonVariant.LUMO_SMALL);
            button.setId("analytics-verdict-" + verdict);
            verdicts.add(button);
        }
        categories.setItems(summary.byCategory());
        leaderboard.setItems(summary.leaderboard());
        List<String[]> funnelRows = DashboardGrids.funnelRows(this, summary);
        funnel.setItems(funnelRows);
        categoryChart.setOption(json.writeValueAsString(ChartOptions.stackedCategories(summary, this::getTranslation)));
        trendChart.setOption(json.writeValueAsString(ChartOptions.trend(summary, this::getTranslation, getLocale())));
        funnelChart.setOption(json.writeValueAsString(ChartOptions.funnel(funnelRows)));
        inbox.show(summary);
    }

    AnalyticsSummary summary() {
        return summary;
    }

    private String categoryCode(String label) {
        return Arrays.stream(FeedbackCategory.values()).map(FeedbackCategory::code)
                .filter(code -> getTranslation("feedback.category." + code).equals(label) || code.equals(label))
                .findFirst().orElse(null);
    }

    private String verdictCode(String label) {
        return Arrays.stream(FeedbackType.values()).filter(type -> getTranslation(type.labelKey()).equals(label))
                .map(FeedbackType::code).findFirst().orElse(null);
    }

    /** The feedback browser, filtered to a category and/or verdict and to this window. */
    void openBrowser(String category, String verdict) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (category != null) {
            parameters.put("category", List.of(category));
        }
        if (verdict != null) {
            parameters.put("type", List.of(verdict));
        }
        parameters.put("from", List.of(summary.window().from().toString()));
        parameters.put("to", List.of(summary.window().to().toString()));
        getUI().ifPresent(ui -> ui.navigate("feedback/browse", new QueryParameters(parameters)));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.analytics");
    }
}
