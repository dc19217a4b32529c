package it.expertfeedback.analytics.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.theme.lumo.LumoUtility;
import it.expertfeedback.analytics.AnalyticsExport;
import it.expertfeedback.analytics.AnalyticsService;
import it.expertfeedback.analytics.AnalyticsSummary;
import it.expertfeedback.analytics.AnalyticsSummary.CategoryAgreement;
import it.expertfeedback.analytics.AnalyticsSummary.InboxDay;
import it.expertfeedback.base.ui.EChart;
import it.expertfeedback.base.ui.Formats;
import it.expertfeedback.base.ui.Tile;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Supplier;
import tools.jackson.databind.json.JsonMapper;

/**
 * The review inbox on the dashboard (issue 15), over the dashboard's window: requests received vs judged per day
 * (tiles, a chart and the table) with the median time to the first verdict, and agreement per category of the
 * requests with several reviews. Both tables download like the other sections.
 */
class InboxSection extends Composite<VerticalLayout> {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    final Tile received = new Tile("inbox-received", "analytics.inbox.received").withValueId("inbox-received-value");
    final Tile judged = new Tile("inbox-judged", "analytics.inbox.judged").withValueId("inbox-judged-value");
    final Tile firstVerdict = new Tile("inbox-first-verdict", "analytics.inbox.first-verdict")
            .withValueId("inbox-first-verdict-value");
    final EChart chart = new EChart();
    final Grid<InboxDay> days = new Grid<>();
    final Grid<CategoryAgreement> agreement = new Grid<>();
    private final transient JsonMapper json;

    InboxSection(AnalyticsService analytics, Supplier<AnalyticsSummary> summary, JsonMapper json) {
        this.json = json;
        FlexLayout tiles = new FlexLayout(received, judged, firstVerdict);
        tiles.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        tiles.addClassName(LumoUtility.Gap.MEDIUM);
        chart.setId("chart-inbox");
        days.setId("analytics-inbox-days");
        days.addColumn(d -> d.day().format(DAY)).setHeader(getTranslation("inbox.day"));
        days.addColumn(InboxDay::received).setHeader(getTranslation("analytics.inbox.received"));
        days.addColumn(InboxDay::judged).setHeader(getTranslation("analytics.inbox.judged"));
        days.setHeight("16rem");
        agreement.setId("analytics-inbox-agreement");
        agreement.addColumn(this::categoryLabel).setHeader(getTranslation("analytics.inbox.category")).setAutoWidth(true);
        agreement.addColumn(CategoryAgreement::requests).setHeader(getTranslation("analytics.inbox.requests"));
        agreement.addColumn(a -> a.unanimous() + " (" + Formats.percent(a.unanimousShare(), getLocale()) + ")")
                .setHeader(getTranslation("analytics.inbox.unanimous"));
        agreement.addColumn(a -> a.kappa() == null ? "—" : Formats.decimal(a.kappa(), 3, getLocale()))
                .setHeader(getTranslation("analytics.inbox.kappa"));
        agreement.addColumn(a -> a.method() == null ? "—" : getTranslation("analytics.inbox.kappa." + a.method()))
                .setHeader(getTranslation("analytics.inbox.kappa-method"));
        agreement.setAllRowsVisible(true);
        Paragraph help = new Paragraph(getTranslation("analytics.inbox.category-help"));
        help.setId("analytics-inbox-category-help");
        help.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
        getContent().setPadding(false);
        getContent().add(
                new ExportableSection("analytics.inbox", "analytics-inbox", AnalyticsExport.Table.INBOX_FLOW, analytics,
                        summary, tiles, chart, days),
                new ExportableSection("analytics.inbox.agreement", "analytics-inbox-agreement",
                        AnalyticsExport.Table.INBOX_AGREEMENT, analytics, summary, help, agreement));
    }

    void show(AnalyticsSummary summary) {
        AnalyticsSummary.InboxFigures inbox = summary.inbox();
        received.setValue(String.valueOf(inbox.received()));
        judged.setValue(String.valueOf(inbox.judged()));
        firstVerdict.setValue(inbox.medianSecondsToFirstVerdict() == null ? "—"
                : getTranslation("analytics.hours", Formats.decimal(inbox.medianSecondsToFirstVerdict() / 3600.0, 1, getLocale())));
        days.setItems(inbox.days().reversed());
        agreement.setItems(inbox.agreement());
        chart.setOption(json.writeValueAsString(ChartOptions.inboxFlow(inbox, this::getTranslation, DAY)));
    }

    /** The category in Italian: a known topic's label, else the topic as the assistant wrote it, capitalised. */
    String categoryLabel(CategoryAgreement row) {
        if (row.overall()) {
            return getTranslation("analytics.inbox.overall");
        }
        if (row.category() == null) {
            return getTranslation("analytics.inbox.no-category");
        }
        if (row.category().matches("[a-z_]+")) {
            String known = getTranslation("analytics.inbox.category." + row.category());
            if (!known.startsWith("!")) {
                return known;
            }
        }
        return row.category().substring(0, 1).toUpperCase(Locale.ITALIAN) + row.category().substring(1);
    }
}
