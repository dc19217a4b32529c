package it.expertfeedback.analytics.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import it.expertfeedback.analytics.AnalyticsSummary;
import it.expertfeedback.analytics.AnalyticsSummary.CategoryCount;
import it.expertfeedback.analytics.AnalyticsSummary.LeaderRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/** The dashboard's three tables: columns, labels and ids, built once; the view only sets their rows. */
final class DashboardGrids {

    private DashboardGrids() {
    }

    static Grid<CategoryCount> categories(Component i18n, Consumer<String> openCategory) {
        Grid<CategoryCount> grid = new Grid<>();
        grid.addColumn(c -> i18n.getTranslation("feedback.category." + c.category())).setHeader(i18n.getTranslation("feedback.category")).setAutoWidth(true);
        grid.addColumn(CategoryCount::correct).setHeader(i18n.getTranslation("feedback.type.correct"));
        grid.addColumn(CategoryCount::incomplete).setHeader(i18n.getTranslation("feedback.type.incomplete"));
        grid.addColumn(CategoryCount::incorrect).setHeader(i18n.getTranslation("feedback.type.incorrect"));
        grid.addColumn(CategoryCount::total).setHeader(i18n.getTranslation("analytics.total"));
        grid.addItemClickListener(click -> openCategory.accept(click.getItem().category()));
        grid.setAllRowsVisible(true);
        grid.setId("analytics-categories");
        return grid;
    }

    static Grid<LeaderRow> leaderboard(Component i18n, Function<Double, String> percent, Function<Double, String> score) {
        Grid<LeaderRow> grid = new Grid<>();
        grid.addColumn(LeaderRow::name).setHeader(i18n.getTranslation("feedback.expert")).setAutoWidth(true);
        grid.addColumn(LeaderRow::feedback).setHeader(i18n.getTranslation("analytics.feedback"));
        grid.addColumn(r -> percent.apply(r.accuracy())).setHeader(i18n.getTranslation("expert.accuracy"));
        grid.addColumn(r -> score.apply(r.trust())).setHeader(i18n.getTranslation("expert.trust"));
        grid.addColumn(r -> r.medianTimeSpentSeconds() == null ? "—"
                : i18n.getTranslation("expert.seconds", Math.round(r.medianTimeSpentSeconds()))).setHeader(i18n.getTranslation("analytics.median-time"));
        grid.setAllRowsVisible(true);
        grid.setId("analytics-leaderboard");
        return grid;
    }

    static Grid<String[]> funnel(Component i18n) {
        Grid<String[]> grid = new Grid<>();
        grid.addColumn(row -> row[0]).setHeader(i18n.getTranslation("analytics.funnel.stage")).setAutoWidth(true);
        grid.addColumn(row -> row[1]).setHeader(i18n.getTranslation("analytics.count"));
        grid.setAllRowsVisible(true);
        grid.setId("analytics-funnel");
        return grid;
    }

    /** The funnel's stages in order, labelled in the user's language. */
    static List<String[]> funnelRows(Component i18n, AnalyticsSummary summary) {
        AnalyticsSummary.Funnel f = summary.funnel();
        Map<String, Long> stages = new LinkedHashMap<>();
        stages.put("created", f.created());
        stages.put("auto_approved", f.autoApproved());
        stages.put("approved", f.approved());
        stages.put("rejected", f.rejected());
        stages.put("pending", f.pending());
        List<String[]> rows = new ArrayList<>();
        stages.forEach((stage, count) -> rows.add(new String[] {i18n.getTranslation("analytics.funnel." + stage), String.valueOf(count)}));
        return rows;
    }
}
