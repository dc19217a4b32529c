package it.expertfeedback.analytics.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import it.expertfeedback.analytics.AnalyticsService;
import it.expertfeedback.analytics.AnalyticsSummary;
import it.expertfeedback.analytics.AnalyticsSummary.CategoryCount;
import it.expertfeedback.analytics.AnalyticsSummary.Kpis;
import it.expertfeedback.analytics.AnalyticsSummary.LeaderRow;
import it.expertfeedback.analytics.AnalyticsWindow;
import it.expertfeedback.base.text.Csv;
import it.expertfeedback.base.ui.EChart;
import it.expertfeedback.base.ui.Formats;
import it.expertfeedback.base.ui.UiErrors;
import it.expertfeedback.security.AppRoles;
import jakarta.annotation.security.RolesAllowed;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.databind.json.JsonMapper;

/**
 * The quality dashboard (DOMAIN.md §6) for reviewers and admins: KPI tiles against the previous window, charts
 * drawn by Apache ECharts, the category, leaderboard and funnel tables (each downloadable as CSV). A category or
 * a verdict opens the feedback browser filtered to it and to the window.
 */
@Route("analytics")
@RolesAllowed({AppRoles.REVIEWER, AppRoles.ADMIN})
@Menu(order = 11, title = "nav.analytics", icon = "vaadin:chart")
public class AnalyticsView extends VerticalLayout implements HasDynamicTitle {

    static final List<String> VERDICTS = List.of("correct", "incomplete", "incorrect");
    static final List<String> CATEGORIES = List.of("normativa_obsoleta", "interpretazione_errata", "caso_mancante",
            "calcolo_sbagliato", "troppo_generico");

    final Select<Integer> period = new Select<>();
    final DatePicker from = new DatePicker();
    final DatePicker to = new DatePicker();
    final Button apply = new Button();
    final FlexLayout tiles = new FlexLayout();
    final HorizontalLayout verdicts = new HorizontalLayout();
    final EChart categoryChart = new EChart();
    final EChart trendChart = new EChart();
    final EChart funnelChart = new EChart();
    final Grid<CategoryCount> categories = new Grid<>();
    final Grid<LeaderRow> leaderboard = new Grid<>();
    final Grid<String[]> funnel = new Grid<>();
    private final transient AnalyticsService analytics;
    private final transient JsonMapper json;
    private final transient Clock clock;
    private AnalyticsSummary summary;

    AnalyticsView(AnalyticsService analytics, JsonMapper json, Clock clock) {
        this.analytics = analytics;
        this.json = json;
        this.clock = clock;
        setWidthFull();
        add(new H2(getTranslation("nav.analytics")), windowBar(), tiles, verdicts,
                section("analytics.by-category", "analytics-categories", categoriesCsv()), categoryChart, categories,
                new H3(getTranslation("analytics.trend")), trendChart,
                section("analytics.leaderboard", "analytics-leaderboard", leaderboardCsv()), leaderboard,
                section("analytics.funnel", "analytics-funnel", funnelCsv()), funnelChart, funnel);
        tiles.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        tiles.getStyle().set("gap", "var(--lumo-space-m)");
        tiles.setId("analytics-tiles");
        verdicts.setId("analytics-verdicts");
        categoryChart.setId("chart-categories");
        trendChart.setId("chart-trend");
        funnelChart.setId("chart-funnel");
        categoryChart.addItemClickListener((series, item) -> openBrowser(categoryCode(item), verdictCode(series)));
        buildGrids();
        period.setValue(30);
    }

    private HorizontalLayout windowBar() {
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
        apply.addClickListener(click -> {
            UiErrors.run(this, () -> show(new AnalyticsWindow(from.getValue(), to.getValue())));
        });
        from.setVisible(false);
        to.setVisible(false);
        apply.setVisible(false);
        HorizontalLayout bar = new HorizontalLayout(period, from, to, apply);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        return bar;
    }

    private HorizontalLayout section(String titleKey, String id, DownloadHandler csv) {
        Anchor download = new Anchor(csv, getTranslation("analytics.export-csv"));
        download.setId(id + "-csv");
        HorizontalLayout header = new HorizontalLayout(new H3(getTranslation(titleKey)), download);
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        return header;
    }

    private void buildGrids() {
        categories.addColumn(c -> getTranslation("feedback.category." + c.category())).setHeader(getTranslation("feedback.category")).setAutoWidth(true);
        categories.addColumn(CategoryCount::correct).setHeader(getTranslation("feedback.type.correct"));
        categories.addColumn(CategoryCount::incomplete).setHeader(getTranslation("feedback.type.incomplete"));
        categories.addColumn(CategoryCount::incorrect).setHeader(getTranslation("feedback.type.incorrect"));
        categories.addColumn(CategoryCount::total).setHeader(getTranslation("analytics.total"));
        categories.addItemClickListener(click -> openBrowser(click.getItem().category(), null));
        categories.setAllRowsVisible(true);
        categories.setId("analytics-categories");

        leaderboard.addColumn(LeaderRow::name).setHeader(getTranslation("feedback.expert")).setAutoWidth(true);
        leaderboard.addColumn(LeaderRow::feedback).setHeader(getTranslation("analytics.feedback"));
        leaderboard.addColumn(r -> percent(r.accuracy())).setHeader(getTranslation("expert.accuracy"));
        leaderboard.addColumn(r -> Formats.score(r.trust(), getLocale())).setHeader(getTranslation("expert.trust"));
        leaderboard.addColumn(r -> r.medianTimeSpentSeconds() == null ? "—"
                : getTranslation("expert.seconds", Math.round(r.medianTimeSpentSeconds()))).setHeader(getTranslation("analytics.median-time"));
        leaderboard.setAllRowsVisible(true);
        leaderboard.setId("analytics-leaderboard");

        funnel.addColumn(row -> row[0]).setHeader(getTranslation("analytics.funnel.stage")).setAutoWidth(true);
        funnel.addColumn(row -> row[1]).setHeader(getTranslation("analytics.count"));
        funnel.setAllRowsVisible(true);
        funnel.setId("analytics-funnel");
    }

    /** Reads every KPI of the window and redraws tiles, charts and tables. */
    void show(AnalyticsWindow window) {
        summary = analytics.summary(window);
        tiles.removeAll();
        Kpis now = summary.kpis();
        Kpis before = summary.previous();
        tiles.add(tile("feedback", String.valueOf(now.feedback()), delta(now.feedback(), before.feedback())),
                tile("accuracy", percent(now.aiAccuracy()), deltaPoints(now.aiAccuracy(), before.aiAccuracy())),
                tile("failure", percent(now.failureRate()), deltaPoints(now.failureRate(), before.failureRate())),
                tile("participation", percent(now.participation()) + " (" + now.expertsWithFeedback() + "/" + now.activeExperts() + ")",
                        deltaPoints(now.participation(), before.participation())),
                tile("backlog", String.valueOf(now.backlog()), delta(now.backlog(), before.backlog())),
                tile("decision", now.medianHoursToDecision() == null ? "—"
                                : getTranslation("analytics.hours", Formats.decimal(now.medianHoursToDecision(), 1, getLocale())),
                        now.medianHoursToDecision() == null || before.medianHoursToDecision() == null ? "—"
                                : getTranslation("analytics.delta.hours", signed(now.medianHoursToDecision() - before.medianHoursToDecision(), 1))));
        verdicts.removeAll();
        for (String verdict : VERDICTS) {
            Button button = new Button(getTranslation("feedback.type." + verdict) + " (" + summary.byVerdict().get(verdict) + ")",
                    click -> openBrowser(null, verdict));
            button.addThemeVariants(ButtonVariant.LUMO_SMALL);
            button.setId("analytics-verdict-" + verdict);
            verdicts.add(button);
        }
        categories.setItems(summary.byCategory());
        leaderboard.setItems(summary.leaderboard());
        funnel.setItems(funnelRows());
        categoryChart.setOption(json.writeValueAsString(ChartOptions.stackedCategories(summary, this::getTranslation)));
        trendChart.setOption(json.writeValueAsString(ChartOptions.trend(summary, this::getTranslation, getLocale())));
        funnelChart.setOption(json.writeValueAsString(ChartOptions.funnel(funnelRows())));
    }

    AnalyticsSummary summary() {
        return summary;
    }

    private Div tile(String key, String value, String delta) {
        Span label = new Span(getTranslation("analytics.kpi." + key));
        label.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        Span number = new Span(value);
        number.setId("kpi-" + key + "-value");
        number.getStyle().set("font-size", "var(--lumo-font-size-xl)").set("font-weight", "600");
        Span change = new Span(delta);
        change.setId("kpi-" + key + "-delta");
        change.getStyle().set("font-size", "var(--lumo-font-size-s)");
        Div tile = new Div(label, new Div(number), change);
        tile.setId("kpi-" + key);
        tile.getStyle().set("padding", "var(--lumo-space-m)").set("border", "1px solid var(--lumo-contrast-10pct)")
                .set("border-radius", "var(--lumo-border-radius-l)").set("min-width", "11rem");
        return tile;
    }

    private String delta(long now, long before) {
        return getTranslation("analytics.delta", signed(now - before, 0));
    }

    private String deltaPoints(Double now, Double before) {
        if (now == null || before == null) {
            return getTranslation("analytics.delta", "—");
        }
        return getTranslation("analytics.delta.points", signed((now - before) * 100, 1));
    }

    private String signed(double value, int digits) {
        String text = Formats.decimal(Math.abs(value), digits, getLocale());
        return (value > 0 ? "+" : value < 0 ? "−" : "±") + text;
    }

    private String percent(Double value) {
        return value == null ? "—" : Formats.decimal(value * 100, 1, getLocale()) + " %";
    }

    private List<String[]> funnelRows() {
        AnalyticsSummary.Funnel f = summary.funnel();
        Map<String, Long> stages = new LinkedHashMap<>();
        stages.put("created", f.created());
        stages.put("auto_approved", f.autoApproved());
        stages.put("approved", f.approved());
        stages.put("rejected", f.rejected());
        stages.put("pending", f.pending());
        List<String[]> rows = new ArrayList<>();
        stages.forEach((stage, count) -> rows.add(new String[] {getTranslation("analytics.funnel." + stage), String.valueOf(count)}));
        return rows;
    }

    private String categoryCode(String label) {
        return CATEGORIES.stream().filter(code -> getTranslation("feedback.category." + code).equals(label)
                || code.equals(label)).findFirst().orElse(null);
    }

    private String verdictCode(String label) {
        return VERDICTS.stream().filter(code -> getTranslation("feedback.type." + code).equals(label)).findFirst().orElse(null);
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

    private DownloadHandler csv(String fileName, Function<AnalyticsSummary, List<List<?>>> rows) {
        return event -> {
            event.setFileName(fileName);
            event.setContentType("text/csv; charset=UTF-8");
            Writer writer = new OutputStreamWriter(event.getOutputStream(), StandardCharsets.UTF_8);
            writer.write(Csv.BYTE_ORDER_MARK);
            for (List<?> row : rows.apply(summary)) {
                writer.write(Csv.line(row));
            }
            writer.flush();
        };
    }

    private DownloadHandler categoriesCsv() {
        return csv("categorie.csv", s -> {
            List<List<?>> rows = new ArrayList<>();
            rows.add(List.of("category", "correct", "incomplete", "incorrect", "total"));
            s.byCategory().forEach(c -> rows.add(List.of(c.category(), c.correct(), c.incomplete(), c.incorrect(), c.total())));
            return rows;
        });
    }

    private DownloadHandler leaderboardCsv() {
        return csv("esperti.csv", s -> {
            List<List<?>> rows = new ArrayList<>();
            rows.add(List.of("expert", "feedback", "accuracy", "trust", "median_time_spent_seconds"));
            s.leaderboard().forEach(r -> rows.add(java.util.Arrays.asList(r.name(), r.feedback(), r.accuracy(), r.trust(),
                    r.medianTimeSpentSeconds())));
            return rows;
        });
    }

    private DownloadHandler funnelCsv() {
        return csv("funnel.csv", s -> {
            AnalyticsSummary.Funnel f = s.funnel();
            return List.of(List.of("created", "auto_approved", "approved", "rejected", "pending"),
                    List.of(f.created(), f.autoApproved(), f.approved(), f.rejected(), f.pending()));
        });
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.analytics");
    }
}
