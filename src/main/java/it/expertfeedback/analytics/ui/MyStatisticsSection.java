package it.expertfeedback.analytics.ui;


import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import it.expertfeedback.analytics.AnalyticsService;
import it.expertfeedback.analytics.ExpertStats;
import it.expertfeedback.base.ui.EChart;
import it.expertfeedback.base.ui.Formats;
import it.expertfeedback.base.ui.ProfileSection;
import it.expertfeedback.feedback.FeedbackType;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** "Le mie statistiche" on the expert's profile page: feedback per verdict, accuracy, weekly trend. */
@Component
class MyStatisticsSection implements ProfileSection {

    private final AnalyticsService analytics;
    private final JsonMapper json;

    MyStatisticsSection(AnalyticsService analytics, JsonMapper json) {
        this.analytics = analytics;
        this.json = json;
    }

    @Override
    public Optional<com.vaadin.flow.component.Component> forCurrentUser() {
        return analytics.myStats().map(this::section);
    }

    @Override
    public int order() {
        return 10;
    }

    private VerticalLayout section(ExpertStats stats) {
        return new Panel(stats, json);
    }

    /** The section itself: a component, so it reads the UI's locale and translations. */
    static final class Panel extends VerticalLayout {

        Panel(ExpertStats stats, JsonMapper json) {
            setPadding(false);
            setId("my-statistics");
            add(new H3(getTranslation("analytics.mine")));
            HorizontalLayout counts = new HorizontalLayout();
            for (FeedbackType type : FeedbackType.values()) {
                String verdict = type.code();
                Span count = new Span(getTranslation(type.labelKey()) + ": " + stats.byVerdict().get(verdict));
                count.setId("my-stat-" + verdict);
                counts.add(count);
            }
            Span accuracy = new Span(getTranslation("analytics.mine.accuracy", stats.upheld(), stats.judged(),
                    stats.accuracy() == null ? "—" : Formats.decimal(stats.accuracy() * 100, 1, getLocale()) + " %"));
            accuracy.setId("my-stat-accuracy");
            EChart trend = new EChart();
            trend.setHeight("14rem");
            trend.setId("my-stat-trend");
            DateTimeFormatter format = DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT).withLocale(getLocale());
            Map<String, Object> option = new LinkedHashMap<>();
            option.put("animation", false);
            option.put("tooltip", Map.of("trigger", "axis"));
            option.put("grid", Map.of("containLabel", true, "left", 8, "right", 8));
            option.put("xAxis", Map.of("type", "category",
                    "data", stats.weeklyTrend().stream().map(p -> p.bucket().format(format)).toList()));
            option.put("yAxis", Map.of("type", "value", "minInterval", 1));
            option.put("series", List.of(Map.of("name", getTranslation("analytics.feedback"), "type", "bar",
                    "data", stats.weeklyTrend().stream().map(p -> p.feedback()).toList())));
            trend.setOption(json.writeValueAsString(option));
            add(counts, accuracy, trend);
        }
    }
}
