package it.expertfeedback.analytics.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import it.expertfeedback.analytics.AnalyticsExport;
import it.expertfeedback.analytics.AnalyticsService;
import it.expertfeedback.analytics.AnalyticsSummary;
import java.util.function.Supplier;

/** A dashboard section: its title with the CSV download of its table (written by the analytics feature), then its content. */
class ExportableSection extends Composite<VerticalLayout> {

    ExportableSection(String titleKey, String id, AnalyticsExport.Table table, AnalyticsService analytics,
                      Supplier<AnalyticsSummary> summary, Component... content) {
        Anchor download = new Anchor(event -> {
            event.setFileName(table.fileName());
            event.setContentType(AnalyticsExport.CSV_CONTENT_TYPE);
            analytics.exportCsv(table, summary.get(), event.getOutputStream());
        }, getTranslation("analytics.export-csv"));
        download.setId(id + "-csv");
        HorizontalLayout header = new HorizontalLayout(new H3(getTranslation(titleKey)), download);
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        getContent().setPadding(false);
        getContent().add(header);
        getContent().add(content);
    }
}
