package it.expertfeedback.analytics.ui;

import it.expertfeedback.analytics.AnalyticsSummary;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** ECharts options for the dashboard, as plain maps (serialized to JSON by the view). Pure. */
final class ChartOptions {

    private ChartOptions() {
    }

    /** Verdicts stacked per Italian category; category labels are clickable too. */
    static Map<String, Object> stackedCategories(AnalyticsSummary summary, Function<String, String> t) {
        List<String> labels = summary.byCategory().stream().map(c -> t.apply("feedback.category." + c.category())).toList();
        List<Object> series = new ArrayList<>();
        series.add(bar(t.apply("feedback.type.correct"), summary.byCategory().stream().map(c -> (Object) c.correct()).toList(), "#2e7d32"));
        series.add(bar(t.apply("feedback.type.incomplete"), summary.byCategory().stream().map(c -> (Object) c.incomplete()).toList(), "#f9a825"));
        series.add(bar(t.apply("feedback.type.incorrect"), summary.byCategory().stream().map(c -> (Object) c.incorrect()).toList(), "#c62828"));
        Map<String, Object> option = base();
        option.put("legend", Map.of());
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("xAxis", Map.of("type", "category", "data", labels, "triggerEvent", true,
                "axisLabel", Map.of("interval", 0)));
        option.put("yAxis", Map.of("type", "value"));
        option.put("series", series);
        return option;
    }

    /** Feedback per day or week (bars) and the AI accuracy in % (line). */
    static Map<String, Object> trend(AnalyticsSummary summary, Function<String, String> t, Locale locale) {
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT).withLocale(locale);
        List<String> buckets = summary.trend().stream().map(p -> p.bucket().format(format)).toList();
        List<Object> counts = summary.trend().stream().map(p -> (Object) p.feedback()).toList();
        List<Object> accuracy = summary.trend().stream()
                .map(p -> p.aiAccuracy() == null ? null : (Object) (Math.round(p.aiAccuracy() * 1000) / 10.0)).toList();
        Map<String, Object> option = base();
        option.put("legend", Map.of());
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("xAxis", Map.of("type", "category", "data", buckets));
        option.put("yAxis", List.of(Map.of("type", "value", "name", t.apply("analytics.feedback")),
                Map.of("type", "value", "name", "%", "min", 0, "max", 100)));
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("name", t.apply("analytics.kpi.accuracy"));
        line.put("type", "line");
        line.put("yAxisIndex", 1);
        line.put("connectNulls", true);
        line.put("data", accuracy);
        option.put("series", List.of(bar(t.apply("analytics.feedback"), counts, "#90a4ae"), line));
        return option;
    }

    /** The candidate funnel as horizontal bars, stages top to bottom. */
    static Map<String, Object> funnel(List<String[]> rows) {
        Map<String, Object> option = base();
        option.put("tooltip", Map.of());
        option.put("yAxis", Map.of("type", "category", "inverse", true, "data", rows.stream().map(r -> r[0]).toList()));
        option.put("xAxis", Map.of("type", "value"));
        option.put("series", List.of(bar("", rows.stream().map(r -> (Object) Long.parseLong(r[1])).toList(), "#1565c0")));
        return option;
    }

    /** Inbox requests received and judged per day, side by side (not stacked: they are two flows, not parts). */
    static Map<String, Object> inboxFlow(AnalyticsSummary.InboxFigures inbox, Function<String, String> t,
                                         DateTimeFormatter format) {
        Map<String, Object> option = base();
        option.put("legend", Map.of());
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("xAxis", Map.of("type", "category", "data", inbox.days().stream().map(d -> d.day().format(format)).toList()));
        option.put("yAxis", Map.of("type", "value", "minInterval", 1));
        option.put("series", List.of(
                Map.of("name", t.apply("analytics.inbox.received"), "type", "bar", "itemStyle", Map.of("color", "#90a4ae"),
                        "data", inbox.days().stream().map(d -> (Object) d.received()).toList()),
                Map.of("name", t.apply("analytics.inbox.judged"), "type", "bar", "itemStyle", Map.of("color", "#2e7d32"),
                        "data", inbox.days().stream().map(d -> (Object) d.judged()).toList())));
        return option;
    }

    private static Map<String, Object> base() {
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("animation", false);
        option.put("grid", Map.of("containLabel", true, "left", 8, "right", 8));
        return option;
    }

    private static Map<String, Object> bar(String name, List<Object> data, String color) {
        Map<String, Object> series = new LinkedHashMap<>();
        series.put("name", name);
        series.put("type", "bar");
        series.put("stack", "total");
        series.put("itemStyle", Map.of("color", color));
        series.put("data", data);
        return series;
    }
}
