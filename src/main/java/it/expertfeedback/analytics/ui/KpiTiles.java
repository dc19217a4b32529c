package it.expertfeedback.analytics.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.theme.lumo.LumoUtility;
import it.expertfeedback.analytics.AnalyticsSummary;
import it.expertfeedback.analytics.AnalyticsSummary.Kpis;
import it.expertfeedback.base.ui.Formats;
import it.expertfeedback.base.ui.Tile;

/** The dashboard's KPI tiles, each with its change against the previous window of the same length. */
class KpiTiles extends Composite<FlexLayout> {

    KpiTiles() {
        getContent().setFlexWrap(FlexLayout.FlexWrap.WRAP);
        getContent().addClassName(LumoUtility.Gap.MEDIUM);
        getContent().setId("analytics-tiles");
    }

    void show(AnalyticsSummary summary) {
        Kpis now = summary.kpis();
        Kpis before = summary.previous();
        getContent().removeAll();
        getContent().add(tile("feedback", String.valueOf(now.feedback()), delta(now.feedback(), before.feedback())),
                tile("accuracy", percent(now.aiAccuracy()), deltaPoints(now.aiAccuracy(), before.aiAccuracy())),
                tile("failure", percent(now.failureRate()), deltaPoints(now.failureRate(), before.failureRate())),
                tile("participation", percent(now.participation()) + " (" + now.expertsWithFeedback() + "/" + now.activeExperts() + ")",
                        deltaPoints(now.participation(), before.participation())),
                tile("backlog", String.valueOf(now.backlog()), delta(now.backlog(), before.backlog())),
                tile("decision", now.medianHoursToDecision() == null ? "—"
                                : getTranslation("analytics.hours", Formats.decimal(now.medianHoursToDecision(), 1, getLocale())),
                        now.medianHoursToDecision() == null || before.medianHoursToDecision() == null ? "—"
                                : getTranslation("analytics.delta.hours", signed(now.medianHoursToDecision() - before.medianHoursToDecision(), 1))));
    }

    private Tile tile(String key, String value, String delta) {
        Span change = new Span(delta);
        change.setId("kpi-" + key + "-delta");
        Tile tile = new Tile("kpi-" + key, "analytics.kpi." + key).withValueId("kpi-" + key + "-value").withDetail(change);
        tile.setValue(value);
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

    String percent(Double value) {
        return value == null ? "—" : Formats.decimal(value * 100, 1, getLocale()) + " %";
    }
}
